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
