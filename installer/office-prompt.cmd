@echo off
rem Harmony Desk office prompt: a command prompt in which desk-admin, the
rem office and night-audit command line, works by name (this folder first
rem on PATH). The Start-menu shortcut runs it with cmd /k, so the prompt
rem stays open.
set "PATH=%~dp0;%PATH%"
title Harmony Desk office prompt
echo Harmony Desk office prompt. "desk-admin --help" lists the commands and where the database is.
echo Sign in as yourself first:  set DESK_APP_CLERK=your-login   (desk-admin asks for the password)
