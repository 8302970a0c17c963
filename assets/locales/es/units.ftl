# How numbers are written in Spanish (English numbers are written by the
# program's clinical formatter). { $shown } is the number with a decimal
# comma; { $n } chooses the plural form.
unit-percent = { $shown } %
unit-years = { $n ->
    [one] { $shown } año
   *[other] { $shown } años
}
unit-whole-years = { $n ->
    [one] { $n } año
   *[other] { $n } años
}
unit-months = { $n ->
    [one] { $n } mes
   *[other] { $n } meses
}
unit-years-months = { $years } y { $months }
unit-hazard-ratio = razón de riesgos { $shown }
unit-about = unos { $value }
unit-calculated = { $value } (calculado: { $how })
