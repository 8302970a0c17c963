# 家族向け 資料の わくと、家族画面の ボタンなど（日本語）。

handout-doc-title = ご家族への 資料：XHIMの 造血幹細胞移植
handout-title-before = XHIMの 造血幹細胞移植を 考える
handout-title-after = XHIMの 造血幹細胞移植の あとの 生活
handout-intro = ご家族への 資料です。{ $date }に xhim-aid { $version }で 作りました（{ $evidence }の 根拠）。研究で わかった ことを グループの 数で しめします。1人の 子に 何が おきるかは わかりません。どう するかを 決める ものでも ありません。
handout-from = { $clinic }より。
evidence-month = { $year }年{ $month }月
page-of = { $page } / { $total } ページ
disclaimer = 発表された 研究に もとづく 話し合いの 資料です。医師の 判断の かわりには なりません。
sources-full = 出典の くわしい 情報は、アプリの「この 資料に ついて」と 医師向けの 報告書に あります。
your-answer-label = { " " }ご家族の 答え：
your-answer = { " " }（ご家族の 答え）
own-questions = ご家族の 質問：
own-questions-so-far = これまでの ご家族の 質問：
family-language = 家族向けページの 言語
pictures-show = 図の 形
remove = けす
at-most-questions = 質問は { $max }個まで のこせます。
