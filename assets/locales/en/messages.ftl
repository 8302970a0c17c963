# The window's messages: notifications, dialogs and file errors, in the
# menu language.
