"""Helpers shared by the tests and `make bench`: build a copy of the project,
serve a built site like GitHub Pages, and drive Debian's Chromium."""
