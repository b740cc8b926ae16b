"""What newsevents shows in a browser: the self-contained HTML report (and, later, an app)."""
