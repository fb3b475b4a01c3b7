"""Team work in the GUI: File -> Hand out a copy…, File -> Merge a teammate's copy…, and the merge
review dialog. The store does the work (app/store/teamwork.py); these modules ask and show."""
