# The clinical summary (Copy clinical summary and `xhim-aid summary`),
# English only.
