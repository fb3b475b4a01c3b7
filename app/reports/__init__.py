"""Reports: PDF and XLSX rendering without a window."""

import os

# reportlab checks every attribute set on a graphics shape (a debugging aid that costs ~7 % of
# a PDF export with its charts); it reads this switch once, when reportlab is first imported.
os.environ.setdefault("RL_shapeChecking", "0")
