# The clinician's PDF report, English only.
