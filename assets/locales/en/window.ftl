# The clinician's panels: patient form, figure, library, import and
# digitizer (English only).
#
# { $name } is words or a number the program puts in, already written.

## The patient form: what a field is called in its error messages
form-what-age = Age
form-what-born = Date of birth
form-what-as-of = “As of” date
form-what-diagnosis = Age at diagnosis
form-what-planned-age = Planned age at HSCT
form-what-planned-date = Planned date
form-what-hsct-age = Age at HSCT
form-what-years = { $what } (years)
form-what-months = { $what } (months)

## The patient form: a field's error under it
form-enter-a-number = { $what }: enter a number.
form-far-above = { $what }: { $typed } is far above anything this aid accepts (ages up to { $max } years).
form-negative = { $what } cannot be negative.
form-not-whole = { $what }: “{ $typed }” is not a whole number.
form-bad-date = { $what }: { $error }

## The patient form: headings, choices and the names of its inputs
patient-heading = Patient
patient-current-age = Current age
patient-age-entered = Years and months
patient-age-dates = From dates
patient-years = years
patient-months = months
patient-age-years = Age (years)
patient-age-months = Age (months)
patient-born = Date of birth (YYYY-MM-DD)
patient-as-of = As of (YYYY-MM-DD)
patient-dx-known = Age at diagnosis known
patient-dx-years = Age at diagnosis (years)
patient-dx-months = Age at diagnosis (months)
patient-hsct = HSCT
patient-hsct-none = None
patient-hsct-planned = Planned
patient-hsct-done = Done
patient-hsct-years = Age at HSCT (years)
patient-hsct-months = Age at HSCT (months)
patient-plan-not-set = No date yet
patient-plan-age = At age
patient-plan-date = On date
patient-plan-years = Planned age at HSCT (years)
patient-plan-months = Planned age at HSCT (months)
patient-plan-date-field = Planned HSCT date (YYYY-MM-DD)
patient-conditions = Organ damage and infections
patient-donor = Donor
patient-conditioning = Planned conditioning
patient-stem-cell-source = Stem cell source
patient-crypto-pcr = Cryptosporidium PCR before HSCT
patient-note = Note

## The evidence library window
library-title = Evidence library
library-intro = Cohort data and published findings only; no patient data is kept here.
library-cohorts = Cohorts
library-cohorts-none = None yet: import cohort data, load a cohort file, or digitize a published curve.
library-findings = Findings added by hand
library-findings-none = None yet.
library-finding-name = finding
library-damaged = Files that could not be read
library-damaged-file = { $file }: { $reason }
library-damaged-left = Not loaded; left in the library folder as it is.
library-trash = Removed (in the library's trash folder)
library-restore = Restore { $name }
library-add-finding = Add a published finding…
library-import-path = Cohort file to import
library-import = Import
library-browse = Browse…
library-show = Show { $name }
library-session-only = For this run only: not kept in the library.
library-keep-cohort = Keep { $name } in the library
library-export = Export { $name }…
library-export-to = Export to
library-write = Write
library-remove-ask = Remove { $name } from the library?
library-remove-yes = Yes, remove
library-remove-keep = Keep
library-remove = Remove { $name }…

## The form for adding a published finding
finding-title = Add a published finding
finding-citation = Citation (required)
finding-identifier = DOI or PMID
finding-measure = Measure
finding-topic = Topic
finding-group = Group
finding-n = Patients (n)
finding-value = Value (%)
finding-ci-low = 95 % CI low (%)
finding-ci-high = 95 % CI high (%)
finding-time = Time point (years)
finding-clock = Clock
finding-locator = Where in the paper
finding-shown-beside = The finding is shown beside the shipped evidence, marked as added locally by you.
finding-add = Add finding
finding-cancel = Cancel

## The "Import cohort data" window
import-title = Import cohort data
import-kind-records = Patient records (time, event, group)
import-kind-digitized = Digitized published curve
import-main-path = CSV file
import-curve-path = Digitized curve CSV (time, survival)
import-at-risk-path = Numbers-at-risk CSV
import-read-columns = Read columns
import-read-columns-first = Read the file's columns to choose time, event and group.
import-time-column = Time column
import-event-column = Event column (1 = event, 0 = censored)
import-group-column = Group column
import-no-group = none
import-total-events = Total events (if published)
import-reconstructed = Records are reconstructed with the Guyot (2012) method; the curve is labelled as a reconstruction with its error against your digitized points.
import-label = Cohort name
import-time-starts = Time starts at
import-time-unit = Time unit
import-years = years
import-months = months
import-import = Import
import-cancel = Cancel
import-browse = Browse…

## The digitizer window: its title and step 1, the figure
digitizer-title = Digitize a published curve
digitizer-step-figure = 1. Figure
digitizer-figure-file = Figure file
digitizer-load = Load figure
digitizer-browse = Browse…
digitizer-fit = Fit to window
digitizer-image-size = { $name }: { $width } × { $height } pixels
digitizer-no-image = Open a PNG or JPEG screenshot of the figure (or drop it on the window).
digitizer-zoom-hint = Scroll to zoom; drag with the right button (or the Pan tool) to move.
digitizer-no-figure = No figure loaded

## The digitizer window: step 2, calibration ($slot is x1, x2, y1 or y2)
digitizer-step-calibrate = 2. Calibrate the axes
digitizer-calibrate-hint = Click a button, then the axis point on the figure, and type its value.
digitizer-set-slot = Set { $slot }
digitizer-not-set = not set
digitizer-pixel = ({ $x }, { $y })
digitizer-slot-value = { $slot } value
digitizer-scale-proportion = Survival 0–1
digitizer-scale-percent = Survival 0–100 %

## The digitizer window: step 3, the curves
digitizer-step-curves = 3. Curves
digitizer-curve-name-default = Curve { $n }
digitizer-add-curve = Add curve
digitizer-remove-curve = Remove this curve
digitizer-curve-name = Curve name
digitizer-no-colour = No colour picked
digitizer-pick-colour = Pick colour
digitizer-tolerance = Tolerance
digitizer-auto-trace = Auto-trace
digitizer-add-points = Add points
digitizer-move-points = Move points
digitizer-delete-points = Delete points
digitizer-pan = Pan
digitizer-points = { $n } point(s)
digitizer-undo = Undo
digitizer-clear-points = Clear points
digitizer-at-risk = Numbers at risk (one “time, at risk” per line)
digitizer-total-events = Total events (if published)

## The digitizer window: step 4, the publication
digitizer-step-publication = 4. The publication
digitizer-cohort-name = Cohort name
digitizer-citation = Citation (required)
digitizer-identifier = DOI or PMID
digitizer-figure-panel = Figure/panel
digitizer-population = Group description
digitizer-clock = Time axis clock (required): where the figure's time 0 is
digitizer-unit = Time unit (required)
digitizer-time-in = time in { $unit }

## The digitizer window: step 5, check and save
digitizer-step-check = 5. Check and save
digitizer-reconstruct = Reconstruct
digitizer-save = Save to library
digitizer-fit-errors = RMSE { $rmse }, max error { $max } against the traced points; { $events } events
digitizer-time = Time
digitizer-at-risk-published = At risk, published
digitizer-reconstructed = Reconstructed
digitizer-verdict = { $curve }: { $failed }

## The digitizer window: what it says under Reconstruct ($slot is x1, x2,
## y1 or y2; $error is the problem found)
digitizer-load-first = Load a figure first.
digitizer-click-slot = Click the { $slot } calibration point on the figure.
digitizer-type-slot = Type the { $slot } value (a number).
digitizer-calibration-error = Calibration: { $error }.
digitizer-calibrate-first = Calibrate first: click x1, x2, y1 and y2 on the figure and type their values.
digitizer-at-risk-error = { $curve }: numbers at risk: { $error }.
digitizer-events-not-whole = { $curve }: “{ $typed }” events is not a whole number.
digitizer-choose-clock = Choose the time axis clock: age (from birth), time since HSCT or time since diagnosis.
digitizer-choose-unit = Choose the time unit of the figure's axis: years or months.
digitizer-citation-required = The citation is required: say which publication the figure is from.
digitizer-colour-picked = Colour { $colour } picked; now Auto-trace.
digitizer-traced = { $curve }: traced { $n } points (line { $width } px wide).
digitizer-the-curve = The curve
digitizer-contradicts = The reconstruction contradicts the figure (in red below): correct the trace or the table and reconstruct again; it cannot be saved like this.
digitizer-reconstructed-check = Reconstructed: check the dashed curves and the numbers at risk, then save.
digitizer-type-path = Type the figure's path or use Browse….
digitizer-reconstructing = Reconstructing…
digitizer-reconstructing-job = Reconstructing
digitizer-changed = The figure's data changed since the reconstruction: press Reconstruct again.

## The digitizer's checks of a reconstruction: their names and what a
## failed one found (in the window, and printed by `cohort digitize`)
check-name-trace = agreement with the trace
check-name-at-risk = numbers at risk
check-name-events = total events
check-name-drops = every drop has a death
check-name-flat = flat curve, falling numbers at risk
check-failed = failed check “{ $check }”: { $detail }
check-at-risk = at time { $time } the table gives { $published } at risk, but the traced curve leaves { $reconstructed }
check-trace = the reconstructed curve is { $rmse } RMSE and up to { $max } from the traced curve (at most { $max-rmse } and { $max-error } are kept); check the trace and the numbers at risk
check-events = { $published } events were published, but the trace and the numbers at risk give { $events }; check the total, the table and the trace
check-drop = the traced curve drops from { $from } to { $to } at time { $time }, but the reconstruction has no death there (nobody left at risk, or the table's times are on another unit)
check-flat = the traced curve stays at 100 % while the numbers at risk fall from { $first } to { $last }; check that the trace is the curve and that the table is on the figure's time unit

## The evidence library: why a file was not loaded (under "Files that could
## not be read", and in the message when the app starts)
library-problem-left = Library: { $error } (left in place, not loaded)
library-problem-file-left = Library: { $file }: { $error } (left in place, not loaded)
library-problem-id-twice = Library: { $file }: finding id “{ $id }” is used twice (not loaded)
library-problem-hidden = Library: { $file }: { $error }; every cohort is shown
library-problem-hidden-unreadable = Library: { $file }: cannot be read: { $error }; every cohort is shown
library-problem-folder = Library: { $folder } cannot be read: { $error }
library-reason-unreadable = cannot be read: { $error }
library-reason-too-large = larger than { $bytes } bytes
library-reason-syntax = line { $line }, column { $column }: { $error }

# The patient file's record in the left panel: its saves and changes.
record-heading = Record ({ $saves ->
        [one] 1 save
       *[other] { $saves } saves
    }, { $changes ->
        [one] 1 change
       *[other] { $changes } changes
    })
record-not-saved = Not saved yet.
record-last-saved = Last saved { $at } by { $by }
record-more-changes = … and { $n } earlier changes in the file

# The library window: who added a finding, and where the library is kept.
library-added-by = Added by { $by } on { $on }
library-not-kept = Not kept between runs: this window has no data folder.
library-kept-in = Kept in { $folder }

# The import window: the total events typed.
import-choose-columns = Choose the time and event columns first (Read columns).
import-choose-file = Choose a CSV file first.
import-events-not-whole = Total events: “{ $value }” is not a whole number.

# What is wrong with the patient's data, under the field (and in a file
# that does not open).
invalid-negative = { $what } cannot be negative.
invalid-months = { $what }: months must be 0–11 (12 months is a year).
invalid-too-old = { $what } above { $max } years is outside the range this aid accepts.
invalid-born-after = Date of birth { $born } is after the “as of” date { $as-of }.
invalid-diagnosis-after-age = Age at diagnosis is after the current age.
invalid-hsct-after-age = Age at HSCT is after the current age.
invalid-hsct-before-diagnosis = Age at HSCT is before the age at diagnosis.
invalid-note-long = Note is { $chars } characters; the limit is { $max }.
invalid-plan-before-age = Planned age at HSCT is before his current age.
invalid-plan-date-needs-birth = A planned date needs his date of birth: choose “From dates” for the age, or give his age at the planned HSCT.
invalid-plan-before-as-of = The planned date { $date } is before the “as of” date { $as-of }.
invalid-plan-too-late = The planned date { $date } is past the ages this aid accepts.

# The patient's answers as the form, the summary and the file's change log
# name them (read once and kept: the record compares them as text).
label-condition-liver-disease = Liver disease
label-condition-sclerosing-cholangitis = Sclerosing cholangitis
label-condition-lung-damage = Chronic lung damage / bronchiectasis
label-condition-cryptosporidium = Cryptosporidium
label-condition-pneumocystis = Pneumocystis pneumonia
label-condition-other-infections = Other persistent/recurrent infections
label-condition-neutropenia = Neutropenia
label-donor-none-yet = None identified yet
label-donor-matched-sibling = Matched sibling
label-donor-matched-unrelated = Matched unrelated
label-donor-mismatched-or-haplo = Mismatched / haploidentical
label-conditioning-not-decided = Not decided
label-conditioning-myeloablative = Myeloablative
label-conditioning-reduced-intensity = Reduced intensity
label-source-not-decided = Not decided
label-source-bone-marrow = Bone marrow
label-source-peripheral-blood = Peripheral blood
label-source-cord-blood = Cord blood
label-pcr-not-tested = Not tested
label-pcr-positive = Positive
label-pcr-negative = Negative
