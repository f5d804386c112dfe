"""The office inside the desk (supervisors): the night audit, the shift and
day reports, the program's reports with charts, exports, duplicates and
inactive memberships. Each window calls the same services as desk-admin."""
