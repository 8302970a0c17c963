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
