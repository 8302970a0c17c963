# ウィンドウの お知らせ、確認、ファイルの エラー（日本語）。
# 英語の en/messages.ftl が 元の文です。ファイル名、パス、システムの
# エラーの 文は そのまま 入ります。

# ウィンドウの 下の お知らせ：臨床の 要約。
msg-summary-copied = 臨床の 要約を クリップボードに コピーしました。
msg-summary-not-copied = 臨床の 要約は コピーされませんでした：{ $error }。何も コピーされて いないので、記録に 貼り付けないで ください。クリップボードに この 要約は ありません。

# お知らせ：報告書、資料、保存。
msg-report-written = 報告書を { $path } に 書き出しました。
msg-handout-written = ご家族への 資料を { $path } に 書き出しました。
msg-report-busy = 報告書を まだ 書き出して います。少し 待ってから もう一度 お試しください。
msg-handout-busy = ご家族への 資料を まだ 書き出して います。少し 待ってから もう一度 お試しください。
msg-report-invalid = 報告書は 作れません：印の ついた 項目を 先に 直して ください。
msg-handout-invalid = ご家族への 資料は 作れません：印の ついた 項目を 先に 直して ください。
msg-saved = { $file } を { $folder } に 保存しました。
msg-save-failed = { $error }。ディスク上の ファイルは 何も 変わって いません。
msg-save-busy = まだ 保存中です。少し 待ってから もう一度 お試しください。
msg-read-only-save-new = { $file } は ここでは 読み取り専用で 開いて います。編集は 新しい ファイルとして 保存して ください。
msg-not-saved-held = 保存して いません：{ $file } は { $holder } が 編集中です。別の 名前を 選んで ください。
msg-not-saved-invalid = 保存して いません：印の ついた 項目を 先に 直して ください（{ $problems }）。
msg-no-dialog-field = システムの ファイル選択画面が 使えません。欄に パスを 入力して ください。
msg-no-dialog = システムの ファイル選択画面が 使えません。パスを 入力して ください。

# お知らせ：患者ファイルを 開く。
msg-stopped-opening = { $file } を 開くのを やめました。いまの 患者は 変わりません。
msg-file-notice = { $file }：{ $notice }
msg-opening = { $file } を 開いて います
msg-loading-cohort = コホート { $file } を 読み込んで います
msg-opened = { $file } を 開きました。
msg-older-format = この ファイルは 古い 形式（版 { $version }）です。保存すると 版 { $current } に 変わります{ $log ->
    [start] 。変更の 記録も 始まります
   *[keep] {""}
  }。
msg-opened-with-problems = { $file }：直す ところが { $n }つ ある 状態で 開きました：{ $problems }
msg-could-not-open = 開けませんでした：{ $error }。いまの 患者は 変わりません。
msg-drop-wrong-file = { $file }：.ron の 患者ファイルか、数値化する PNG／JPEG の 図を ドロップして ください。

# お知らせ：ほかの 人と 共有する ファイルと、復元用に 残した 未保存の 編集。
msg-taken-over = { $file } は { $holder } が 編集を 引き継ぎました。編集は つづけられます。保存の ときは、どちらかが 上書きする 前に 確認します。
msg-held-read-only = { $file } は { $holder } が 編集中です。読み取り専用で 開きました。編集は 新しい ファイルとして 保存して ください。
msg-held-read-only-left = { $file } は { $holder } が 編集中です。閉じた アプリが 残した ものと 思われます（最後の 動作は { $idle } 前）。読み取り専用で 開きました。編集は 新しい ファイルとして 保存して ください。
msg-reloaded = ディスクに 保存された { $file } を 読み直しました。あなたの 編集は 捨てました。
msg-recovery-failed = 未保存の 編集を 復元用に 残せませんでした：{ $error }
msg-recovery-not-deleted = 未保存の 編集を 削除できませんでした：{ $error }
msg-recovery-unavailable = 未保存の 編集を 復元用に 残す ことが できません：{ $error }
msg-evidence-unloadable = 根拠を 読み込めませんでした：{ $error }
msg-restored-edits = { $file } の 未保存の 編集を 元に 戻しました。まだ 保存して いません。

# お知らせ：根拠の ライブラリ、コホートの ファイル、数値化した 曲線。
msg-no-data-folder = この ウィンドウには データの フォルダが ありません。次回まで 何も 残せません。
msg-type-export-path = コホートの ファイルを 書き出す 場所を 先に 入力して ください。
msg-not-full-path = 「{ $path }」は 完全な パスでは ありません。フォルダも 入力して ください（または 選択画面を 使って ください）。
msg-type-cohort-path = コホートの ファイルの パスを 先に 入力して ください。
msg-cohort-loaded = コホート「{ $label }」を ライブラリに 読み込みました。
msg-cohort-already = 「{ $label }」は 同じ データで すでに ライブラリに あります。表示して います。
msg-cohort-this-run = コホート「{ $label }」を 今回だけ 表示して います（根拠の ライブラリ：ライブラリに 残す）。
msg-cohort-load-failed = コホートの ファイルを 読み込めませんでした：{ $error }
msg-cohort-imported = 「{ $label }」を 取り込みました。
msg-cohort-digitized = 「{ $label }」を ライブラリに 保存しました。その 曲線を 描いて います。
msg-finding-unusable = 手で 加えた 結果を 使えませんでした：{ $error }
msg-cohorts-hidden = コホートを 隠しました。ライブラリには 残って います（表示 > 根拠の ライブラリ…）。
msg-cohort-trashed = 「{ $label }」を ライブラリの ごみ箱に 移しました（ライブラリの ウィンドウで 元に 戻せます）。
msg-cohort-removed = 「{ $label }」を 外しました。
msg-finding-trashed = { $label } の 結果を ライブラリの ごみ箱に 移しました（ライブラリの ウィンドウで 元に 戻せます）。
msg-finding-removed = { $label } の 結果を 外しました。
msg-damaged-trashed = 壊れた ファイル { $file } を ライブラリの ごみ箱に 移しました。
msg-restored-from-trash = 「{ $label }」を ライブラリの ごみ箱から 元に 戻しました。
msg-finding-added = { $label } の 結果を 加えました。この 施設で 加えた ものと 記して あります。

# お知らせの ボタンと、図の 上の 要約と 根拠の ボタン。
msg-dismiss = 閉じる
msg-copy-summary = 要約を コピー
msg-show-evidence = 根拠を 表示
msg-hide-evidence = 根拠を 隠す
msg-show-evidence-hint = すべての 結果を 出典と いっしょに 図の 横に 表示します
msg-hide-evidence-hint = 図を 横幅 いっぱいに します
msg-copy-summary-hint = 診療記録に 貼る ための 文字だけの 要約

# 未保存の 編集が ある ときに 閉じる、新規、別の ファイルを 開く 前の 確認。
dialog-unsaved-title = 保存して いない 変更
dialog-unsaved-text = { $file } には 保存して いない 変更が あります。{ $action ->
    [quit] ウィンドウを 閉じる
    [new] 新しい 患者を 始める
    [close] ファイルを 閉じる
   *[open] 別の ファイルを 開く
  } 前に 保存しますか？
dialog-save = 保存
dialog-discard-changes = 変更を 捨てる
dialog-cancel = キャンセル
dialog-untitled = 名前の ない 患者

# 保存の 前の 確認：同じ 名前の ファイルが ある、年齢が ない。
dialog-replace-title = { $file } を 置き換えますか？
dialog-replace-text = { $file } は すでに あります：{ $about } この 患者で 置き換えますか？
dialog-replace = 置き換える
dialog-existing-unreadable = 読めません（{ $error }）。
dialog-existing-not-file = ふつうの ファイルでは ありません。
dialog-existing-not-patient = この アプリで 読める 患者ファイルでは ありません。
dialog-existing-patient = { $age } 患者の ファイルで、{ $saved }。
dialog-existing-no-age = 年齢の 入って いない
dialog-existing-aged = { $age } の
dialog-existing-bad-age = 年齢が 正しくない
dialog-existing-never-saved = この アプリで 保存された ことは ありません
dialog-existing-saved-by = 最後に { $user } が { $at } に 保存しました
dialog-no-age-title = 年齢なしで 保存しますか？
dialog-no-age-text = この 患者の 年齢が 入って いないので、根拠の 上に 何も 置かれて いません。年齢なしで 保存しますか？ 年齢は あとで 入れられます。
dialog-save-without-age = 年齢なしで 保存

# ファイルを 開いて いる 間に 出る 行。
dialog-stop-opening = 開くのを やめる
dialog-stop-opening-hint = この ファイルを 待つのを やめます。いまの 患者は そのままです

# システムの ファイル選択画面が ない ときに パスを 入力する ウィンドウ。
dialog-path-open-title = パスを 入力して 患者ファイルを 開く
dialog-path-save-title = パスを 入力して 患者ファイルを 保存
dialog-path-report-title = パスを 入力して 報告書を 書き出す
dialog-path-handout-title = パスを 入力して ご家族への 資料を 書き出す
dialog-path-pdf = 書き出す PDFの 完全な パスを 入力して ください。
dialog-path-patient = .ron の 患者ファイルの 完全な パスを 入力して ください。ウィンドウに ファイルを ドロップする ことも できます。
dialog-path-label = ファイルの パス
dialog-open = 開く

# システムの ファイル選択画面：題名と ファイルの 種類。
dialog-title-open-patient = 患者ファイルを 開く
dialog-title-save-patient = 患者ファイルを 保存
dialog-title-export-report = 報告書を 書き出す
dialog-title-export-handout = ご家族への 資料を 書き出す
dialog-title-import-csv = コホートの データを 取り込む（CSV）
dialog-title-load-cohort = コホートの ファイルを 読み込む
dialog-title-digitize = 発表された 曲線を 数値化する
dialog-title-export-cohort = コホートの ファイルを 書き出す
dialog-filter-patient = 患者ファイル
dialog-filter-pdf = PDF 文書
dialog-filter-csv = CSV
dialog-filter-cohort = コホートの ファイル
dialog-filter-figure = 図の 画像

# ファイルが ほかの 場所で 編集中の ときの 確認。
dialog-elsewhere-title = ほかの 場所で 開いて います
dialog-elsewhere-text = { $file } は { $holder } が 編集中です。
dialog-elsewhere-advice = 読み取り専用で 開けば 安全に 見られます。編集は 新しい 名前で 保存できます。あなたも 編集する 場合は、どちらかが 上書きする 前に アプリが 確認します。
dialog-elsewhere-left = { $file } は { $holder } が 編集中と なって いますが、閉じた アプリが 残した ものと 思われます（最後の 動作は { $idle } 前）。
dialog-elsewhere-left-advice = 引き継ぐと ここで 編集できます。その アプリが まだ 開いて いた 場合も、どちらかが 上書きする 前に アプリが 確認します。
dialog-open-read-only = 読み取り専用で 開く
dialog-open-for-editing = それでも 編集用に 開く
dialog-take-over = 引き継ぐ
dialog-read-only = 読み取り専用：ほかの 場所で 開いて います
dialog-read-only-hint = 保存の ときは 新しい ファイル名を 聞きます。この ファイルは そのままです。
# ファイルを 持って いる 人と、その アプリが 最後に 動いた 時。
lock-holder = { $user }（{ $host }、{ $since } から）
lock-minutes = { $n }分
lock-hours = { $n }時間
lock-days = { $n }日

# 保存の 前に ほかの 人が ファイルを 変えて いた ときの 確認。
dialog-changed-title = ほかの 人が 変更しました
dialog-changed-text = { $file } は 開いた あとに ディスク上で 変更されました。まだ 何も 保存して いません。
dialog-changed-text-by = { $file } は 開いた あとに ディスク上で 変更されました（{ $save }）。まだ 何も 保存して いません。
dialog-their-save = 最後に { $user } が { $at } に 保存
dialog-their-unreadable = 相手の 版は 読めません：{ $problem }
dialog-reload-theirs = 相手の 版を 読み直す
dialog-save-mine-as-new = 自分の 版を 新しい ファイルに 保存…
dialog-review-overwrite = 上書き…
dialog-confirm-overwrite = 相手の 版を 上書きする
dialog-back = 戻る
dialog-overwrite-unreadable = 上書きすると 読めない ファイルを 置き換えます。その ファイルは 横に .bak ファイルとして 残ります。
dialog-overwrite-same = 相手の 版は あなたと 同じ 値です。上書きすると あなたの 保存が 記録に 加わります。
dialog-overwrite-changes = 上書きすると 相手の 版の { $n } 個の 値が 変わります：
dialog-overwrite-kept = 相手の 保存と 変更は 記録に 残ります。相手の ファイルは .bak ファイルとして 残ります。
dialog-change-theirs = { $field }：相手 { $old }、あなた { $new }

# 保存せずに 閉じた ウィンドウの 編集を 元に 戻す 確認。
dialog-recovery-title = 前回の 保存して いない 編集
dialog-recovery-text = アプリは { $file } の 編集を 保存せずに 閉じました。編集は 残して あります。
dialog-recovery-text-at = アプリは { $file } の 編集を 保存せずに 閉じました。編集は { $at } に 残しました。
dialog-recovery-problem = 元に 戻せません：{ $problem }
dialog-recovery-same = 保存された ファイルと 同じです。
dialog-recovery-compared = 保存された ファイルとの ちがい：
dialog-change-edited = { $field }：保存 { $old }、編集 { $new }
dialog-restore-edits = 編集を 元に 戻す
dialog-discard-edits = 編集を 捨てる
dialog-recovery-untitled = 名前の ない 患者
dialog-recovery-saved-since = この 編集を 始めた あとに { $file } は もう一度 保存されました。保存の ときに どちらの 版を 残すか 聞きます。
dialog-recovery-unreadable = { $file } は いま 読めません。編集は 始めた ときの 版と くらべて 表示します。
dialog-recovery-not-valid = まだ 正しくない
dialog-recovery-as-typed = 入力の まま：{ $problem }

# 患者ファイルを 読む ときの エラー（お知らせと コマンドラインに 出ます）。
error-too-large = ファイルが 64 MiB より 大きい（{ $size } バイト 以上）ので、患者ファイルでは ありません
error-empty = ファイルが 空です
error-not-utf8 = ファイルが UTF-8 の 文字では ありません（{ $offset } バイト目に 正しくない バイト）
error-parse = { $line } 行目、{ $column } 文字目：{ $message }
error-missing-version = ファイルに `version` の 項目が ないので、この アプリで 読める 患者ファイルでは ありません
error-newer-version = ファイルの 形式は 版 { $found } で、この アプリが わかる 版（{ $newest } まで）より 新しい ものです。新しい xhim-aid で 保存された ものと 思われます
error-unknown-version = ファイルの 形式は 版 { $found } と ありますが、その 版は ありません（わかる 版：1 から { $newest }）
error-invalid = 患者の データが 正しく ありません：{ $problems }
error-load = { $file }：{ $problem }
error-cannot-read = 読めません：{ $error }

# 患者ファイルを 保存する ときの エラー：失敗した 段階と 残った もの。
error-save = { $file }：保存できませんでした（{ $step }）：{ $error }
error-changed = { $file }：開いた あとに ほかの 人が 変更しました。何も 書き込んで いません
step-serialize = ファイルの 中身を 準備する ところ
step-create-temp = フォルダに 一時ファイルを 作る ところ
step-write-temp = 一時ファイルを 書く ところ
step-sync-temp = 一時ファイルを ディスクに 書き込む ところ
step-backup = 前の 版を .bak ファイルとして 残す ところ
step-replace = ファイルを 新しい 版で 置き換える ところ
step-sync-folder = フォルダを ディスクに 書き込む ところ

# 臨床の 要約が クリップボードに 届かなかった 理由（かっこの 中は システムの 文）。
error-clipboard-unavailable = システムの クリップボードが 使えません（{ $system }）
error-clipboard-refused = システムの クリップボードが 文を 受け取りませんでした（{ $system }）
error-clipboard-read-back = コピーを 確かめる ために クリップボードを 読み戻せませんでした（{ $system }）
error-clipboard-mismatch = クリップボードの 中身が 要約と ちがいます（ほかの プログラムが 置き換えた かもしれません）

# 報告書や 資料を 書き出せなかった 理由（システムの ことばは そのまま）。
error-report-build = { $file }報告書を 作れませんでした：{ $message }
error-report-folder = { $file }：フォルダ「{ $folder }」が ありません
error-report-write = { $file }：PDFを 書き出せませんでした（{ $step }）：{ $error }

# 根拠の ライブラリを 変えられなかった 理由。ファイルは 元の ままです。
error-library-folder = ライブラリの フォルダ { $folder } を 作れませんでした：{ $error }
error-library-to-trash = { $file }：ごみ箱に 移せませんでした：{ $error }
error-library-from-trash = { $file }：ごみ箱から 戻せませんでした：{ $error }
error-library-remove = { $file }：消せませんでした：{ $error }
error-library-format = { $file }：{ $message }
msg-library-not-kept = 「{ $what }」を ライブラリに 残せませんでした：{ $error }
msg-library-shown-not-kept = 表示する コホートの 選択を ライブラリに 残せませんでした：{ $error }
msg-library-export-failed = コホートの ファイルを 書き出せませんでした：{ $error }
msg-library-trash-failed = { $file } を ライブラリの ごみ箱に 移せませんでした：{ $error }
msg-library-restore-failed = { $file } を 戻せませんでした：{ $error }

# 古い 根拠で 保存された ファイルを 開いた ときの お知らせ（変更の 記録の ことばは そのまま）。
notice-saved-unversioned = 根拠の 版を 記録せずに
notice-saved-under = 根拠 { $version } で
notice-new-evidence = この ファイルは { $saved } 保存されました。いまの 根拠は { $version } 版（{ $date }）です。お子さんに かかわる 新しい こと：{ $heads }。要約と 報告書に それぞれの 全文が あります。

# 患者ファイルの 名前の となり：保存して あるか どうか。
msg-file-saving = 保存して います…
msg-file-unsaved = まだ 保存して いません
msg-file-saved = 保存済み

# 設定（ファイル ＞ 設定…）。
prefs-title = 設定
prefs-name = あなたの 名前（保存の たびに 記録されます）
prefs-remember-recent = 最近 開いた ファイルを おぼえる
prefs-what-is-kept = 設定には 名前、表示の 色、最近の ファイルの 場所だけを 残します。患者の 情報は 残しません。

# 施設の 設定と、施設で 共有する ライブラリ。
msg-config-unreadable = 設定 { $file } を 読めません：{ $error }
msg-config-invalid = 設定 { $file } は 正しくないので 使いませんでした：{ $error }
msg-shared-library-unreadable = 共有の ライブラリ { $folder } を 読めません：{ $error }

# 進めて いる 作業（ウィンドウの 下の 回る 印の となり）。
msg-job-checking = { $file } を 確かめて います
msg-job-saving = { $file } を 保存して います
msg-job-writing = { $file } を 書き出して います
msg-job-library = ライブラリに 書いて います
msg-job-recovery = 未保存の 編集を 復元用に 残して います
