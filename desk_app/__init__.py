"""Harmony Desk: the front-desk loyalty tool."""

APP_NAME = "Harmony Desk"
ORG = "Harmony Desk"
__version__ = "0.1.0"
