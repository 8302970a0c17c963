# 家族向けの ページ（日本語）。英語の en/family.ftl が 元の文です。
# { $name } は プログラムが 出典と いっしょに 入れる 数や 出典です。
# <b>…</b> は 太字です。文は 短く、やさしい ことばで 書きます。

## 見出し
heading-choice = いま 考えている こと
heading-life-after = 移植の あとの 生活
heading-situation = お子さんの 体の ようすと この 選択
heading-situation-after = お子さんの 体の ようす
heading-options = 3つの 方法を ならべて みる
heading-pictures = 100人の 男の子で 見る
heading-what-matters = ご家族に とって 大切な こと
heading-steps = すすめかたと 質問
heading-questions = チームに きいて みたい こと
heading-leaning = いまは どちらに 気持ちが 向いて いますか？
heading-condition = XHIMと その ケアに ついて もっと 知る
heading-inheritance = XHIMの 遺伝の しかた
heading-sources = 出典
heading-about = この 資料に ついて
text-not-loaded = 家族向けの 文を 読み込めませんでした：{ $error }

## 選択
option-a = ドナーが いる いま、早めに 移植を する。
option-b = いまは ふだんの 治療を つづけ、移植は あとで する。
option-c = 移植を せずに、ふだんの 治療を つづける。
leaning-a = A：早めに 移植を する
leaning-b = B：いまは ふだんの 治療、移植は あとで
leaning-c = C：移植を せずに ふだんの 治療
leaning-unsure = まだ わからない
choice-decision = <b>決める こと：</b>造血幹細胞移植（骨髄移植など）を するか、いつ するか です。
choice-three = 方法は 3つ あります。
choice-no-hurry = きょう 決める 必要は ありません。考える 時間も、質問する 時間も あります。あとで また チームと 話せます。

## 移植の あと
after-when = お子さんは 生まれてから { $age }の ときに 造血幹細胞移植を 受けました。
after-since = { " " }それから { $since }が たちました。
after-past = いちばん 大きな 研究は、移植の あと { $span }まで 子どもを 数えました。お子さんは その 時期を すぎています。{ $cite }
after-bound = 多くの 国の 研究では、移植の { $span } あとに 生きていた 子は { $value }より 多い と わかりました。これは 低い ほうの 見つもりです。本当の 数は もっと 高いかもしれません。{ $cite }
after-within = いちばん 大きな 研究は、移植の あと { $span }まで 子どもを 数えました。お子さんは いま その 期間の 中に います。{ $cite }
after-where = お子さんは 移植から { $since }です。この 研究で 亡くなった 子の 多くは、移植の あと 早い 時期でした。
after-where-within = お子さんは 移植から { $since }で、さいしょの 年の 中に います。移植の あとに 亡くなった 子の 多くは、さいしょの 年の うちでした。{ $cite }
after-where-past = お子さんは 移植から { $since }で、さいしょの 年を すぎています。移植の あとに 亡くなった 子の 多くは、さいしょの 年の うちでした。{ $cite }

## 3つの 方法の 表
row-involves = どんな ことを するか
row-offers = 期待できる こと
row-found = 研究で わかった こと（100人あたり）
row-risks = おもな 危険
row-daily = ふだんの 生活
row-unknown = まだ だれも 知らない こと
b-daily = 移植までは Cと 同じです。移植の あとは Aと 同じです。
options-clocks = 数を 数えはじめた 時点は 方法ごとに ちがいます。Aは 移植の 日から、Cは 生まれた 日からです。だから 数を そのまま くらべる ことは できません。
found-after = 移植を受けた年齢を問わず、移植を 受けた 100人の うち、{ $span }後に 生きていた 子は { $boys }でした。
found-counted = { " " }研究では { $n }人を 数えました。
found-counted-without = { " " }研究では 移植を 受けなかった { $n }人を 数えました。
found-without = 移植なしの 日本の 100人の うち、生まれてから { $age }の 時点で 生きていたのは { $boys }でした。
found-without-followed = { " " }{ $age }の 時点で 何人を まだ 追っていたかは わかりません。{ $cite }
not-published = 待つ 場合の「100人あたり」の 数は 発表されて いません。
older-better = いちばん 大きな 研究では、移植の ときに { $years }より 若かった 子の ほうが 結果が よかったです。{ $cite }
japan-timing = 日本の 研究は、{ $years }以下で 移植を 受けた { $young }人と、もっと あとで 受けた { $old }人を くらべました。若い ほうの グループの 結果が よかったです。{ $cite }{ " " }
died-after = { " " }いちばん 大きな 研究では、移植から { $span }以内に 亡くなった 子は、100人の うち { $died }でした。{ $cite }
liver-first = { " " }ある 小さな 研究では、生まれてから { $age }までに { $percent }の 子に 肝臓の 病気が ありました。
liver-second = { " " }{ $age }までには { $percent }
liver-next = 、{ $age }までには { $percent }
liver-end = でした。
liver-caveat = { " " }がんの ない 子の 数です。何人 だったかは 書かれて いません。{ $cite }
calc-whole-boys = { $percent }を 人数に
calc-minus = 100 − { $percent }
disagree-lead = <b>研究の 結果は すべてが 同じでは ありません。</b>
disagree-japan = 日本の 研究
disagree-japan-n = （{ $n }人）
disagree-japan-found = { " " }では、移植を 受けた 子の ほうが 多く 生きていました。{ $cite } ただし、移植を 受けるには それまで 生きている 必要が ありました。そのため 移植が よく 見えます。
disagree-intl = 多くの 国の 大きな 研究
disagree-intl-n = （{ $all }人、その うち 移植は { $part }人）
disagree-intl-found = { " " }では、移植の ある なしで、はっきりした 差は ありませんでした。{ $cite }

## XHIMに ついて もっと
group-condition = この 病気
group-care = ふだんの 治療
group-hsct = 造血幹細胞移植
group-donors = ドナー
group-newer = 新しい 治療
group-guidelines = ガイドライン
general-mark = { " " }（XHIMだけで なく、一般的な ことです。）

## お子さんの 体の ようす
record-incomplete = 記録が まだ そろって いないので、ここは のせていません。
he-has = <b>お子さんには { $condition }が あります。</b>
no-conditions = 臓器の いたみや 長く つづく 感染症は 記録されて いません。
condition-liver = 肝臓の 病気
condition-sclerosing = 硬化性胆管炎（胆管が かたく せまく なる 肝臓の 病気）
condition-lung = 肺の いたみ
condition-crypto = クリプトスポリジウム（下痢を おこす 小さな 寄生虫）に かかった こと
condition-pneumocystis = ニューモシスチスと いう 菌に よる 肺炎に かかった こと
condition-infections = くりかえす 感染症や 長く つづく 感染症
condition-neutropenia = 白血球の 一種（好中球）が 少ない 時期
donor-sibling = 型（HLA）が 合う きょうだいが います。
donor-unrelated = 家族では ない、型が 合う ドナーが います。
donor-mismatched = ドナーは 型が 完全には 合いません。型が 半分 合う 家族か、合わない ドナーです。
donor-none = ドナーは まだ 見つかって いません。
study-largest = いちばん 大きな 研究
study-many = 多くの 国の 研究
study-europe = ヨーロッパの 研究
study-of = （{ $who }{ $n }人）
who-transplanted = 移植を 受けた 子
who-boys = 男の子
found-sclerosing = では、硬化性胆管炎が 移植の いちばん 大きな 危険因子でした。{ $cite }
found-organ = では、移植の 前の 臓器の いたみで 結果が 悪く なりました。{ $cite }
found-liver = では、肝臓の 病気が ある 子の ほうが 亡くなりやすかったです。{ $cite }
found-lung = では、移植の 前の 肺の いたみが いちばん 大きな 危険因子でした。{ $cite }
found-colon = では、
found-older-infections = 日本の 研究では、6歳より 上の 子に 長い 感染症や 重い 臓器の いたみが 多く ありました。{ $cite }
donor-found-sibling = いちばん 大きな 研究では、2000年より あとは、型が 合う ドナーの ほうが 多く 生きていました。型が 合う きょうだいが いちばん よい 結果でした。{ $cite }
donor-found-unrelated = いちばん 大きな 研究では、2000年より あとは、型が 合う ドナーの ほうが 多く 生きていました。{ $cite }
donor-found-mismatched = いちばん 大きな 研究では、2000年より あとは、型が 合う ドナーの ほうが、合わない 場合より 多く 生きていました。{ $cite }
age-now = お子さんは 生まれてから { $age }です。
age-inside = お子さんは 生まれてから { $age }です。{ $birthday }の 誕生日まで あと { $remaining }です。
age-past = お子さんは 生まれてから { $age }です。{ $birthday }の 誕生日を すぎていて、{ $older }歳より 下です。
past-six = 6歳より 上の 子も 移植を 受けています。いちばん 大きな 研究では、移植の ときに { $years }より 若い 子の ほうが 結果が よかったです。この 研究の 区切りは 6歳では なく { $years }でした。{ $cite }
sc-help = <b>助けに なる こと：</b>
japan-authors = { " " }著者は、{ $years }以下が いちばん よい 時期だと 考えました。{ $older }歳より 上の 子には、長い 感染症や 重い 臓器の いたみが 多く ありました。{ $cite }
planned-on = 移植は { $date }に 予定されて います（生まれてから { $age }の とき）。
planned-at = 移植は 生まれてから { $age }の ときに 予定されて います。
planned-unset = 移植の 予定は ありますが、日は まだ 決まって いません。
diagnosed = 診断から { $since }が たちました。いちばん 大きな 研究では、診断から 2年 以内に 移植を した ほうが 多く 生きていました。{ $cite }

## 大切な ことと すすめかた
what-matters-intro = それぞれ ご家族に とって どのくらい 大切ですか？ 正しい 答えも まちがった 答えも ありません。この 資料は 答えを 足し算しません。かわりに 決める ことも しません。
importance-not = 大切では ない
importance-somewhat = 少し 大切
importance-very = とても 大切
step-learn = 3つの 方法に ついて 知る。
step-think = ご家族に とって いちばん 大切な ことを 考える。
step-questions = 質問を 書きだす。
step-decide = 移植チームと いっしょに 決める。
change-mind = 気持ちは いつでも 変えて かまいません。また チームと 話しましょう。
sure-heading = 決める 準備は できていますか？
sure-1 = お子さんに とって いちばん よい 選択に 自信が ありますか？
sure-2 = それぞれの 方法の よい 点と 悪い 点を 知っていますか？
sure-3 = どの よい 点と 悪い 点が 大切か、はっきり していますか？
sure-4 = 選ぶ ための 支えや 助言は 十分に ありますか？
sure-after = どれかに「いいえ」と 答えたら、チームに 伝えて ください。時間や 情報が 助けに なります。（SUREテスト：Légaré 2010）
role-heading = どのくらい ご家族が 決めたいですか？
role-1 = チームの 考えを 聞いてから、わたしたちが 決めたい。
role-2 = チームと いっしょに 決めたい。
role-3 = わたしたちの 考えを 聞いてから、チームに 決めて ほしい。
role-after = どれを 選んでも かまいません。合う ものを チームに 伝えて ください。（Degner 1997）
others-heading = ほかに だれが かかわりますか？
others = ほかに だれと いっしょに 決めますか？ ある 方法を 強く すすめる 人は いますか？ いれば、チームに 話せます。
support-heading = 相談できる ところ
support-intro = 患者家族の 会や 専門家の 団体が 助けと 情報を くれます。
support-idf = Immune Deficiency Foundation（アメリカ）：primaryimmune.org;
support-higm = Hyper IgM Foundation：hyperigm.org;
support-uk = Immunodeficiency UK：immunodeficiencyuk.org
support-centre = この 病院の 窓口：{ $contact }

## 100人の 男の子の 図
pictures-after = この 図は 100人の 男の子を しめします。1つの 問いに 答えます。数えはじめは 移植の 日です。
pictures-before = どの 図も 100人の 男の子を しめします。図ごとに 問いも、研究も、数えはじめの 時点も ちがいます。だから 図を 1人ずつ くらべる ことは できません。
icons-person = 人の 形
icons-abstract = 四角
array-after-heading = 移植の あと
array-after-question = 移植を 受けた 100人の うち（移植を受けた年齢を問わず）、{ $span }後に 生きていたのは 何人ですか？
array-after-alive = { $span }後に 生きていた 子：{ $alive }。
array-after-died = それまでに 亡くなった 子：{ $died }。
array-after-clock = 移植の 日から 数えました。
array-who = 数えた 人：
array-who-n = 男の子 { $n }人
array-who-boys = 男の子
array-with-xhim = （XHIM）
array-era = （{ $era }）
era-transplants = 移植 { $years }年
era-diagnosed = 診断 { $years }年
array-all-ages = 、移植を受けた年齢を問わず。{ $cite }
array-after-note = これは ある グループの 子に おきた ことで、お子さんの 予測では ありません。研究は 年齢ごとの 数を 出して いません。治療は その ころから 変わって います。
array-without-heading = 移植を しない 場合
array-without-question = 日本で 移植を 受けなかった 100人の うち、生まれてから { $age }の 時点で 生きていたのは 何人ですか？
array-without-alive = 生まれてから { $age }の 時点で 生きていた 子：{ $alive }。
array-without-died = それより 前に 亡くなった 子：{ $died }。
array-without-clock = 生まれた 日から 数えました。
array-who-n-without = 移植を 受けなかった 男の子 { $n }人
array-who-without = 移植を 受けなかった 男の子
array-in-study = （研究 全体では { $n }人）
array-in-japan = 、日本。{ $cite }
array-followed = { $age }の 時点で 何人を まだ 追っていたかは わかりません。だから この 数は 不確かです。
array-small = 小さな グループです。本当の 数は かなり ちがうかも しれません。

## 遺伝
child-son = 息子
child-daughter = 娘
status-affected = 病気が ある
status-carrier = 保因者
status-unaffected = 病気も なく 保因者でも ない
inherit-intro = この 遺伝子は X染色体に あります。男の子は Xが 1本なので、1本が 変わると 病気に なります。女の子は 2本 あるので、たいてい 元気な 保因者です。
parent-mother = 保因者の お母さん
parent-father = 病気の ある お父さん
mother-sons = 息子は それぞれ、{ $two }人に { $one }人の 確率で 病気に なります。
mother-daughters = 娘は それぞれ、{ $two }人に { $one }人の 確率で 保因者に なります。
father-daughters = 娘は みんな 保因者です。
father-sons = 息子は だれも 病気に なりません。
key-male-affected = 病気の ある 男性
key-female-carrier = 保因者の 女性
key-male-unaffected = 病気の ない 男性
key-female-unaffected = 保因者でない 女性
inherit-key = 四角は 男性、丸は 女性です。ぬりつぶし：病気が ある。点：保因者。白：どちらでも ない。
inherit-genetics = 遺伝の チームと、保因者の 検査や 妊娠の ときの 選択肢に ついて 話せます。
inherit-not-your-fault = ご両親が した ことや しなかった ことが 原因では ありません。遺伝子の 変化は だれにも 選べません。

## この 資料に ついて
about-for-label = 何の ための 資料か
about-for = XHIMの 男の子の 造血幹細胞移植に ついて、ご家族と チームが 話す ための 資料です。研究で わかった ことを しめします。どう するかを 決める ものでは ありません。
about-who-label = 作った 人
about-who = xhim-aidの チームが、ここに ある 出典から 書きました。資金は 受けて いません。利益相反は ありません。
about-evidence-label = 根拠
about-evidence = 文は { $reviewed }に 出典と 見くらべました。出典の 一覧に それぞれの 日付が あります。
about-unknown-date = 日付 不明
about-version = 根拠の 版：{ $version }
about-updates-label = 新しく する しかた
about-updates = 新しい 版の 前に、出典を もう 一度 たしかめ、新しい 研究を 加えます。テストで どの 数も 発表された 値と 見くらべます。
about-error-label = まちがいを 見つけたら
about-error = この 資料を わたした チームに 知らせるか、プロジェクトの 問題報告の ページに 書いて ください。
about-limits-label = 限界
about-limits = まだ ご家族と いっしょに 試して いません。XHIMだけの ガイドラインは ありません。研究は 小さく、むかしの 治療を ふりかえった ものです。だから 1人の 結果は ちがうかも しれません。
about-translation-label = 翻訳
about-translation = 翻訳は xhim-aidの チームです。日本語を 母語と する 医師の 確認は まだ 受けて いません。
about-translation-reviewed = 翻訳は xhim-aidの チームです。{ $reviewer }が 確認しました。
about-translations = 日本語と スペイン語の 家族向けページは xhim-aidの チームが 翻訳しました。母語と する 医師の 確認は まだ 受けて いません。

## 画面で、ご家族の 答えと お子さんに かかわる 結果の まわりの ことば
doc-concerns-him = <b>お子さんに かかわる こと：</b>
doc-your-answer = ご家族の 答え：
doc-not-rated = まだ 答えて いません

## 画面で ご家族が 書く 質問
own-question-field = ご家族の 質問
own-question-add = 質問を 加える
own-question-remove = 質問を 消す：{ $question }

## 画面読み上げで、100人の 男の子の 図に ついて 聞こえる こと
icons-described = { $total }人の 男の子の 図です。
