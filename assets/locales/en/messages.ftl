# The window's messages: notifications, dialogs and file errors, in the
# menu language.

# Notifications at the foot of the window: the clinical summary.
msg-summary-copied = Clinical summary copied to the clipboard.
msg-summary-not-copied = Clinical summary not copied: { $error }. Nothing was copied, so do not paste into the record: the clipboard does not hold this summary.

# Notifications: reports, handouts and saves written or refused.
msg-report-written = Report written to { $path }.
msg-handout-written = Handout written to { $path }.
msg-report-busy = A report is still being written; try again in a moment.
msg-handout-busy = A handout is still being written; try again in a moment.
msg-report-invalid = No report: correct the marked fields first.
msg-handout-invalid = No handout: correct the marked fields first.
msg-saved = Saved { $file } in { $folder }.
msg-save-failed = { $error }. Nothing was changed on disk.
msg-save-busy = A save is still being written; try again in a moment.
msg-read-only-save-new = { $file } is open read-only here; save your edits as a new file.
msg-not-saved-held = Not saved: { $file } is open for editing by { $holder }. Choose another name.
msg-not-saved-invalid = Not saved: correct the marked fields first ({ $problems }).
msg-no-dialog-field = No system file dialog is available; type the path in the field instead.
msg-no-dialog = No system file dialog is available; type the path instead.

# Notifications: opening patient files.
msg-stopped-opening = Stopped opening { $file }; the current patient is unchanged.
msg-file-notice = { $file }: { $notice }
msg-opening = Opening { $file }
msg-loading-cohort = Loading cohort { $file }
msg-opened = Opened { $file }.
msg-older-format = This file uses the older format version { $version }; saving it will convert it to version { $current }{ $log ->
    [start] {" "}and start its change log
   *[keep] {""}
  }.
msg-opened-with-problems = { $file }: opened with { $n ->
    [one] 1 problem
   *[other] { $n } problems
  } to correct: { $problems }
msg-could-not-open = Could not open { $error }. The current patient is unchanged.
msg-drop-wrong-file = { $file }: drop a .ron patient file, or a PNG or JPEG figure to digitize.

# Notifications: files shared with other people, and unsaved edits kept for recovery.
msg-taken-over = { $file } was taken over for editing by { $holder }. You can go on editing; saving asks before either of you overwrites the other.
msg-held-read-only = { $file } is open for editing by { $holder }; opened read-only. Save your edits as a new file.
msg-held-read-only-left = { $file } is open for editing by { $holder }, probably left by a closed app (last active { $idle } ago); opened read-only. Save your edits as a new file.
msg-reloaded = Reloaded { $file } as saved on disk; your edits were dropped.
msg-recovery-failed = Unsaved edits could not be kept for recovery: { $error }
msg-recovery-not-deleted = The unsaved edits could not be deleted: { $error }
msg-recovery-unavailable = Unsaved edits cannot be kept for recovery: { $error }
msg-evidence-unloadable = Evidence could not be loaded: { $error }
msg-restored-edits = Restored unsaved edits to { $file }; they are not saved yet.

# Notifications: the evidence library, cohort files and digitized curves.
msg-no-data-folder = This window has no data folder: nothing can be kept between runs.
msg-type-export-path = Type where to write the cohort file first.
msg-not-full-path = “{ $path }” is not a full path: type the folder too (or use the dialog).
msg-type-cohort-path = Type the path of a cohort file first.
msg-cohort-loaded = Loaded cohort “{ $label }” into the library.
msg-cohort-already = “{ $label }” is already in the library with the same data; it is shown.
msg-cohort-this-run = Showing cohort “{ $label }” for this run only (Evidence library: Keep in the library).
msg-cohort-load-failed = Could not load the cohort file: { $error }
msg-cohort-imported = Imported “{ $label }”.
msg-cohort-digitized = Saved “{ $label }” to the library; its curves are drawn.
msg-finding-unusable = A finding added by hand could not be used: { $error }
msg-cohorts-hidden = Cohorts hidden; they stay in the library (View > Evidence library…).
msg-cohort-trashed = Moved “{ $label }” to the library's trash (Restore in the library window).
msg-cohort-removed = Removed “{ $label }”.
msg-finding-trashed = Moved the finding from { $label } to the library's trash (Restore in the library window).
msg-finding-removed = Removed the finding from { $label }.
msg-damaged-trashed = Moved the damaged file { $file } to the library's trash.
msg-restored-from-trash = Restored “{ $label }” from the library's trash.
msg-finding-added = Added a finding from { $label }, marked as added locally.

# The notification's button, and the summary and evidence buttons above the plot.
msg-dismiss = Dismiss
msg-copy-summary = Copy summary
msg-show-evidence = Show evidence
msg-hide-evidence = Hide evidence
msg-show-evidence-hint = Every finding with its source, beside the picture
msg-hide-evidence-hint = Give the picture the whole width
msg-copy-summary-hint = Plain text for the clinical record

# The question before closing, starting a new patient or opening another
# file with unsaved edits.
dialog-unsaved-title = Unsaved changes
dialog-unsaved-text = { $file } has changes that are not saved. Save them before you { $action ->
    [quit] close the window
    [new] start a new patient
    [close] close the file
   *[open] open another file
  }?
dialog-save = Save
dialog-discard-changes = Discard changes
dialog-cancel = Cancel
dialog-untitled = Untitled patient

# The questions before a save: another file in the way, or no age.
dialog-replace-title = Replace { $file }?
dialog-replace-text = { $file } already exists: { $about } Replace it with this patient?
dialog-replace = Replace
dialog-existing-unreadable = it cannot be read ({ $error }).
dialog-existing-not-file = it is not a regular file.
dialog-existing-not-patient = it is not a patient file this app can read.
dialog-existing-patient = it holds a patient { $age }, { $saved }.
dialog-existing-no-age = with no age entered
dialog-existing-aged = aged { $age }
dialog-existing-bad-age = with an age that is not valid
dialog-existing-never-saved = never saved by this app
dialog-existing-saved-by = last saved by { $user } at { $at }
dialog-no-age-title = Save without an age?
dialog-no-age-text = No age has been entered for this patient, so nothing is placed for him on the evidence. Save him without an age? You can add it later.
dialog-save-without-age = Save without an age

# The line shown while a file is being opened.
dialog-stop-opening = Stop opening
dialog-stop-opening-hint = Stop waiting for this file; the current patient stays

# The window to type a path, where no system file dialog is available.
dialog-path-open-title = Open patient file by path
dialog-path-save-title = Save patient file to path
dialog-path-report-title = Write report to path
dialog-path-handout-title = Write family handout to path
dialog-path-pdf = Type the full path of the PDF to write.
dialog-path-patient = Type the full path of a .ron patient file. You can also drop a file on the window.
dialog-path-label = File path
dialog-open = Open

# The system file dialogs: titles and file types.
dialog-title-open-patient = Open patient file
dialog-title-save-patient = Save patient file
dialog-title-export-report = Export report
dialog-title-export-handout = Export family handout
dialog-title-import-csv = Import cohort data (CSV)
dialog-title-load-cohort = Load cohort file
dialog-title-digitize = Digitize a published curve
dialog-title-export-cohort = Export cohort file
dialog-filter-patient = Patient file
dialog-filter-pdf = PDF document
dialog-filter-csv = CSV
dialog-filter-cohort = Cohort file
dialog-filter-figure = Figure image

# The question when a file is open for editing elsewhere.
dialog-elsewhere-title = Open elsewhere
dialog-elsewhere-text = { $file } is open for editing by { $holder }.
dialog-elsewhere-advice = Open it read-only to look without risk: your edits can then be saved under a new name. If you edit it too, the app will ask before either of you overwrites the other.
dialog-elsewhere-left = { $file } is marked open for editing by { $holder }, probably left by a closed app (last active { $idle } ago).
dialog-elsewhere-left-advice = Take over to edit it here. Should that app still be open after all, the app will ask before either of you overwrites the other.
dialog-open-read-only = Open read-only
dialog-open-for-editing = Open for editing anyway
dialog-take-over = Take over
dialog-read-only = Read-only: open elsewhere
dialog-read-only-hint = Saving asks for a new file name; the file itself is left as it is.
# Who holds a file, and how long ago their app was last active.
lock-holder = { $user } on { $host } since { $since }
lock-minutes = { $n ->
    [one] 1 minute
   *[other] { $n } minutes
  }
lock-hours = { $n ->
    [one] 1 hour
   *[other] { $n } hours
  }
lock-days = { $n ->
    [one] 1 day
   *[other] { $n } days
  }

# The question when someone else changed the file before a save.
dialog-changed-title = Changed by someone else
dialog-changed-text = { $file } was changed on disk after you opened it. Nothing has been saved yet.
dialog-changed-text-by = { $file } was changed on disk after you opened it ({ $save }). Nothing has been saved yet.
dialog-their-save = last saved by { $user } at { $at }
dialog-their-unreadable = Their version cannot be read: { $problem }
dialog-reload-theirs = Reload their version
dialog-save-mine-as-new = Save mine as a new file…
dialog-review-overwrite = Overwrite…
dialog-confirm-overwrite = Overwrite their version
dialog-back = Back
dialog-overwrite-unreadable = Overwriting replaces the unreadable file; it is kept beside it as a .bak file.
dialog-overwrite-same = Their version has the same values as yours; overwriting adds your save to its record.
dialog-overwrite-changes = Overwriting changes { $n } value(s) in their version:
dialog-overwrite-kept = Their saves and changes stay in the record; their file is kept as a .bak file.
dialog-change-theirs = { $field }: theirs { $old }, yours { $new }

# The offer to restore edits left by a window that closed without saving.
dialog-recovery-title = Unsaved edits from an earlier session
dialog-recovery-text = The app closed without saving edits to { $file }. They were kept.
dialog-recovery-text-at = The app closed without saving edits to { $file }. They were kept at { $at }.
dialog-recovery-problem = They cannot be restored: { $problem }
dialog-recovery-same = They match the saved file.
dialog-recovery-compared = Compared with the saved file:
dialog-change-edited = { $field }: saved { $old }, edited { $new }
dialog-restore-edits = Restore edits
dialog-discard-edits = Discard edits
dialog-recovery-untitled = an untitled patient
dialog-recovery-saved-since = { $file } was saved again after these edits began; saving will ask which version to keep.
dialog-recovery-unreadable = { $file } cannot be read now; the edits are shown against the version they started from.
dialog-recovery-not-valid = Not yet valid
dialog-recovery-as-typed = as typed: { $problem }

# Errors reading a patient file, shown in notifications and on the command line.
error-too-large = the file is larger than 64 MiB ({ $size } bytes or more); this is not a patient file
error-empty = the file is empty
error-not-utf8 = the file is not UTF-8 text (invalid byte at offset { $offset })
error-parse = line { $line }, column { $column }: { $message }
error-missing-version = the file has no `version` field, so it is not a patient file this app can read
error-newer-version = the file uses format version { $found }, which is newer than this app understands (up to { $newest }); it was probably saved by a newer release of xhim-aid
error-unknown-version = the file claims format version { $found }, which never existed (known: 1 to { $newest })
error-invalid = the patient data is not valid: { $problems }
error-load = { $file }: { $problem }
error-cannot-read = cannot be read: { $error }

# Errors saving a patient file: the step that failed, and what was left.
error-save = { $file }: could not save ({ $step }): { $error }
error-changed = { $file }: changed by someone else since it was opened; nothing was written
step-serialize = preparing the file contents
step-create-temp = creating a temporary file in the folder
step-write-temp = writing the temporary file
step-sync-temp = flushing the temporary file to disk
step-backup = keeping the previous version as a .bak file
step-replace = replacing the file with the new version
step-sync-folder = flushing the folder to disk

# Why the clinical summary did not reach the clipboard (the system's words in brackets).
error-clipboard-unavailable = the system clipboard is not available ({ $system })
error-clipboard-refused = the system clipboard did not accept the text ({ $system })
error-clipboard-read-back = the system clipboard could not be read back to confirm the copy ({ $system })
error-clipboard-mismatch = the system clipboard holds different text from the summary (another program may have replaced it)

# Why a report or handout was not written (the system's words as it gave them).
error-report-build = { $file }the report could not be built: { $message }
error-report-folder = { $file }: the folder “{ $folder }” does not exist
error-report-write = { $file }: could not write the PDF ({ $step }): { $error }

# Why the evidence library could not be changed; the file is as it was.
error-library-folder = the library folder { $folder } could not be created: { $error }
error-library-to-trash = { $file }: could not be moved to the trash: { $error }
error-library-from-trash = { $file }: could not be moved back from the trash: { $error }
error-library-remove = { $file }: could not be removed: { $error }
error-library-format = { $file }: { $message }
msg-library-not-kept = { $what } could not be kept in the library: { $error }
msg-library-shown-not-kept = Which cohorts are shown could not be kept in the library: { $error }
msg-library-export-failed = The cohort file could not be exported: { $error }
msg-library-trash-failed = { $file } could not be moved to the library's trash: { $error }
msg-library-restore-failed = { $file } could not be restored: { $error }

# The notice on opening a file saved under older evidence (the change log's
# entries keep their own words).
notice-saved-unversioned = with no evidence version
notice-saved-under = under evidence { $version }
notice-new-evidence = This file was last saved { $saved }; the evidence is now version { $version } ({ $date }). What is new that concerns him: { $heads }. The summary and the report give each in full.

# Beside the patient file's name: whether it is saved.
msg-file-saving = Saving…
msg-file-unsaved = Unsaved changes
msg-file-saved = Saved

# Preferences (File > Preferences…).
prefs-title = Preferences
prefs-name = Your name (recorded with each save)
prefs-remember-recent = Remember recent files
prefs-what-is-kept = Preferences hold your name, theme and recent file paths, never patient details.

# The site configuration and the clinic's shared library.
msg-config-unreadable = The configuration { $file } cannot be read: { $error }
msg-config-invalid = The configuration { $file } is not valid and was ignored: { $error }
msg-shared-library-unreadable = The shared library { $folder } cannot be read: { $error }

# Work under way, beside the turning arc at the bottom of the window.
msg-job-checking = Checking { $file }
msg-job-saving = Saving { $file }
msg-job-writing = Writing { $file }
msg-job-library = Writing the library
msg-job-recovery = Keeping unsaved edits for recovery
