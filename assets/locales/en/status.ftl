# The status line and the timing clocks of the clinician's view (English
# only: see ENGLISH_ONLY in the translation module).
