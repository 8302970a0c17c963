# The window's menus, in English (what the tests and the manual name).
menu-file = File
menu-new = New
menu-open = Open…
menu-open-recent = Open Recent
menu-no-recent = No recent files
menu-clear-recent = Clear recent files
menu-open-path = Open by path…
menu-save = Save
menu-save-as = Save As…
menu-export-report = Export report (PDF)…
menu-export-handout = Export family handout (PDF)…
menu-copy-summary = Copy clinical summary
menu-import = Import cohort data…
menu-load-cohort = Load cohort file…
menu-digitize = Digitize a published curve…
menu-close = Close
menu-preferences = Preferences…
menu-quit = Quit
menu-view = View
menu-clinician-view = Clinician view
menu-family-view = Family view
menu-inheritance = How XHIM is inherited…
menu-library = Evidence library…
menu-theme = Theme
menu-theme-system = System
menu-theme-light = Light
menu-theme-dark = Dark
menu-zoom = Zoom: Ctrl + / Ctrl − / Ctrl 0
menu-language = Menu language
menu-help = Help
menu-about = About this aid and its sources

# The counselor's controls at the top of the family view, and the left
# panel's header there.
family-inheritance-button = How XHIM is inherited
family-export-button = Export handout (PDF)…
family-keep-answers = Keep the family's answers in the patient file
family-keep-answers-hover = Off: the answers stay in this session only and are printed on the handout. On: they are saved with the patient file.
family-patient-details = Patient details (for the clinician)
