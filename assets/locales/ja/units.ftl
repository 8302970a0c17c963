# How numbers are written in Japanese (English numbers are written by the
# program's clinical formatter). { $shown } is the number with its decimal
# mark; { $n } chooses the plural form (Japanese has one form).
unit-percent = { $shown }%
unit-years = { $shown }年
unit-whole-years = { $n }年
unit-months = { $n }か月
unit-years-months = { $years }{ $months }
unit-hazard-ratio = ハザード比 { $shown }
unit-about = 約{ $value }
unit-calculated = { $value }（計算：{ $how }）
