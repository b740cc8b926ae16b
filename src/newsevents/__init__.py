"""newsevents: political event data and timelines from news articles."""

__version__ = "0.1.0"
