# The clinician's panels: patient form, figure, library, import and
# digitizer (English only).
