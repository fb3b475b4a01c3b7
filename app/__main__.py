import gc
import sys

# Start-up makes objects, not garbage: the cyclic collector is paused while the modules load.
# app.cli turns it back on before running a command, and the GUI after its first paint.
gc.disable()

from app.cli import main  # noqa: E402

sys.exit(main())
