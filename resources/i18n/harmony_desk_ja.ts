<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../desk_app/ui/action_form.py" line="+75"/>
        <location line="+168"/>
        <source>Review before posting (Ctrl+Enter)</source>
        <translation>計上前に確認 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="-162"/>
        <source>Fill in the form to see the points.</source>
        <translation>入力すると付与ポイントが表示されます。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Print receipt</source>
        <translation>明細を印刷(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print the slip for the guest (Ctrl+P)</source>
        <translation>お客様用の控えを印刷します (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>%1 points</source>
        <translation>%1ポイント</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 night</source>
        <translation>1泊</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 nights</source>
        <translation>%1泊</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 left</source>
        <translation>残り%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Confirm</source>
        <translation>確定(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post it (Enter)</source>
        <translation>計上する (Enter)</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>yen per 1 %1, e.g. 151.20</source>
        <translation>1 %1 あたりの円（例: 151.20）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xchange rate</source>
        <translation>為替レート(&amp;X)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Hotel</source>
        <translation>ホテル</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member</source>
        <translation>会員番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clerk %1 · Terminal %2</source>
        <translation>担当 %1 · 端末 %2</translation>
    </message>
</context>
<context>
    <name>AdjustDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/adjust_dialog.py" line="+15"/>
        <source>&amp;Adjust</source>
        <translation>調整する(&amp;A)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Adjust points — %1</source>
        <translation>ポイント調整 — %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Corrects a mistake. A positive number adds points (valid as if earned today); a negative number takes points away, oldest first. Balance now: %1 points.</source>
        <translation>誤りを訂正します。正の数はポイントを加算し（本日獲得した扱い）、負の数は有効期限の古いものから差し引きます。現在の残高: %1ポイント。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>why, for the record</source>
        <translation>記録に残す理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Points (+ or −)</source>
        <translation>ポイント（+ または −）(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason</source>
        <translation>理由(&amp;R)</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/backup_dialog.py" line="+20"/>
        <source>Save the backup</source>
        <translation>バックアップの保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database backup (*.sqlite3);;All files (*)</source>
        <translation>データベースのバックアップ (*.sqlite3);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Back up</source>
        <translation>バックアップ(&amp;B)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back up the database</source>
        <translation>データベースのバックアップ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A copy of the whole database is made while the desks keep working, then checked (SQLite&apos;s integrity check and the ledger&apos;s chain) before it counts. Keep copies away from this computer as well.</source>
        <translation>デスクの業務を止めずにデータベース全体を複製し、SQLite の整合性チェックと台帳のハッシュチェーンの検証に合格してから完了とします。このコンピューター以外の場所にも控えを保管してください。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bro&amp;wse…</source>
        <translation>参照(&amp;W)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Name the file the backup goes to.</source>
        <translation>バックアップの保存先ファイルを指定してください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backup saved and checked: %1
%2 ledger entries; chain head %3</source>
        <translation>バックアップを保存し、検証しました: %1
台帳記録 %2 件、チェーンの末尾 %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>BillDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/bill_dialog.py" line="+22"/>
        <source>&amp;Post bill</source>
        <translation>付与する(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restaurant or bar bill — %1</source>
        <translation>レストラン・バーのご利用 — %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Post the check after the guest has paid. The part paid with points earns nothing: enter it under “Paid with points”.</source>
        <translation>お支払い後に伝票を登録してください。ポイント払いの部分はポイント付与の対象外です。「ポイント払い分」に入力してください。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Check number</source>
        <translation>伝票番号(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date</source>
        <translation>利用日(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pa&amp;yment</source>
        <translation>支払方法(&amp;Y)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Charges on the check (%1)</source>
        <translation>伝票の明細（%1）</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+30"/>
        <source>date of the check</source>
        <translation>利用日</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This check earns %1 points + %2 bonus = %3 points.</source>
        <translation>この伝票の付与ポイント: %1 + ボーナス %2 = %3ポイント</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Posted: %1 points + %2 bonus. New balance %3 points.</source>
        <translation>付与しました: %1ポイント + ボーナス %2ポイント。新しい残高は %3ポイントです。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check</source>
        <translation>伝票番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment</source>
        <translation>支払方法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Points</source>
        <translation>ポイント</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bonus</source>
        <translation>ボーナス</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance</source>
        <translation>残高</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Points receipt</source>
        <translation>ポイント明細</translation>
    </message>
</context>
<context>
    <name>CardDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/card_dialog.py" line="+40"/>
        <source>Save the card</source>
        <translation>カードを保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF (*.pdf);;PNG image (*.png)</source>
        <translation>PDF (*.pdf);;PNG 画像 (*.png)</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Membership card — %1</source>
        <translation>会員カード — %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Looking for the card…</source>
        <translation>カードを確認しています…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Issue card</source>
        <translation>カード発行(&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Issue the member&apos;s first card (Alt+I)</source>
        <translation>会員の最初のカードを発行 (Alt+I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Print…</source>
        <translation>印刷(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print the card on the card printer (Ctrl+P)</source>
        <translation>カードプリンターで印刷します (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save as PDF or PNG…</source>
        <translation>PDF・PNGで保存(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the card as a file (Ctrl+S)</source>
        <translation>カードをファイルに保存します (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Replace card…</source>
        <translation>カード再発行(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lost, stolen or damaged: asks why, then issues a new card; the old one stops working at once (Alt+R)</source>
        <translation>紛失・盗難・破損: 理由を確認してから新しいカードを発行します。古いカードはただちに使えなくなります (Alt+R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close (Esc)</source>
        <translation>閉じる (Esc)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>No card yet</source>
        <translation>カード未発行</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 has no card yet. Issue one to hand it over (Alt+I).</source>
        <translation>%1様にはまだカードがありません。発行してお渡しください (Alt+I)。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Card %1, issued %2, is the member&apos;s card in force.</source>
        <translation>現在有効なカードはカード %1（%2 発行）です。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Card %1, issued %2. Hand it to the guest.</source>
        <translation>カード %1（%2 発行）。お客様にお渡しください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Card %1 issued %2 as a replacement; the previous card no longer works.</source>
        <translation>カード %1 を %2 に再発行しました。以前のカードは使用できません。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Saved to %1</source>
        <translation>保存しました: %1</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/change_password_dialog.py" line="+15"/>
        <source>&amp;Change password</source>
        <translation>パスワードを変更(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change your password</source>
        <translation>パスワードの変更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed in as %1.</source>
        <translation>%1 でサインインしています。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>C&amp;urrent password</source>
        <translation>現在のパスワード(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New password</source>
        <translation>新しいパスワード(&amp;N)</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../desk_app/ui/fields.py" line="+72"/>
        <source>21, 11/21 or 2026/11/21</source>
        <translation>21、11/21、2026/11/21</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>YYYY/MM/DD or an era date (S60.4.1)</source>
        <translation>2026/11/23 または 和暦（昭和60年4月1日）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the %1 as a date: 21, 11/21 or 2026/11/21.</source>
        <translation>%1は日付で入力してください（例: 21、11/21、11月21日、2026/11/21）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the %1 as a date: 1985/04/01 or an era date such as S60.4.1.</source>
        <translation>%1は日付で入力してください（例: 1985/04/01、昭和60年4月1日、S60.4.1）。</translation>
    </message>
</context>
<context>
    <name>DayReportDialog</name>
    <message>
        <location filename="../../desk_app/ui/office/day_report_dialog.py" line="+29"/>
        <source>Shift and day reports</source>
        <translation>シフト・日次レポート</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Day report</source>
        <translation>日次レポート</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shift report</source>
        <translation>シフトレポート</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>any</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Show</source>
        <translation>表示(&amp;S)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>C&amp;lerk</source>
        <translation>担当者(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Terminal</source>
        <translation>端末(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Report</source>
        <translation>レポート(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Business &amp;date</source>
        <translation>営業日(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hotel</source>
        <translation>ホテル(&amp;H)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Print…</source>
        <translation>印刷(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save P&amp;DF…</source>
        <translation>PDFで保存(&amp;D)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save &amp;CSV…</source>
        <translation>CSVで保存(&amp;C)…</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Save the report as PDF</source>
        <translation>レポートをPDFで保存</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save the report as CSV</source>
        <translation>レポートをCSVで保存</translation>
    </message>
</context>
<context>
    <name>DeactivateClerkDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/deactivate_clerk_dialog.py" line="+14"/>
        <source>&amp;Deactivate</source>
        <translation>無効にする(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the clerk who may no longer sign in. Their name stays on everything they did.</source>
        <translation>今後サインインできなくするスタッフを選んでください。これまでの操作の記録には、そのスタッフの名前が残ります。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deactivate a clerk</source>
        <translation>スタッフアカウントの無効化</translation>
    </message>
</context>
<context>
    <name>DeskApp</name>
    <message>
        <location filename="../../desk_app/ui/app.py" line="+167"/>
        <source>The desk cannot open its database.</source>
        <translation>データベースを開けません。</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../../desk_app/ui/office/duplicates_dialog.py" line="+34"/>
        <source>Same</source>
        <translation>一致</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reading and birth date</source>
        <translation>フリガナと生年月日</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+43"/>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Shared</source>
        <translation>共通の値</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memberships</source>
        <translation>会員番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+54"/>
        <source>Left</source>
        <translation>左</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+55"/>
        <source>Right</source>
        <translation>右</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>No. %1 (%2)</source>
        <translation>%1枚目（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Member no.</source>
        <translation>会員番号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reading</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Romaji</source>
        <translation>ローマ字</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Birth date</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Registration</source>
        <translation>登録区分</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enrolled</source>
        <translation>入会</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tier</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points</source>
        <translation>ポイント</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nights this year</source>
        <translation>今年の宿泊数</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Groups of possible duplicates: %1.</source>
        <translation>重複の疑い: %1組</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>Ledger entries</source>
        <translation>取引件数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Card</source>
        <translation>カード</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last activity (or enrolment)</source>
        <translation>最終利用日（なければ入会日）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Duplicate memberships</source>
        <translation>重複の疑いがある会員</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open memberships with the same name reading and birth date, or the same phone. Compare two, and merge the one you drop into the one you keep: points keep their expiry dates, nights and history move over.</source>
        <translation>フリガナと生年月日、または電話番号が同じ有効な会員です。2件を並べて比べ、残す会員に統合します。ポイントは有効期限のまま、宿泊数と履歴も移ります。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>I have checked that both memberships are the same person</source>
        <translation>2件が同一人物であることを確認しました</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep &amp;left, merge right into it</source>
        <translation>左を残し、右を統合(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep &amp;right, merge left into it</source>
        <translation>右を残し、左を統合(&amp;R)</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Tick the box to confirm that both are the same person.</source>
        <translation>同一人物であることを確認し、チェックを入れてください。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Merged: %1 is kept with %2 points.</source>
        <translation>統合しました: %1（%2ポイント）を残しました。</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/enrol_dialog.py" line="+23"/>
        <source>Enrol</source>
        <translation>入会登録</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enrol a new member</source>
        <translation>新規入会（簡易登録）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simple registration. The member number is issued at once and the card can be handed over right after.</source>
        <translation>簡易登録です。会員番号はその場で発行され、続けてカードをお渡しできます。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>e.g. 山田</source>
        <translation>例: 山田</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. 太郎</source>
        <translation>例: 太郎</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. ヤマダ</source>
        <translation>例: ヤマダ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. タロウ</source>
        <translation>例: タロウ</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>As in the passport, for the card. Leave empty to use the reading in Hepburn.</source>
        <translation>カードに印字する表記です。パスポートと同じつづりで入力してください。空欄の場合はフリガナのヘボン式ローマ字を使います。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>why the reading is not known (supervisors)</source>
        <translation>読みが分からない理由（責任者のみ）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>name@example.jp</source>
        <translation>name@example.jp</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>supervisors only</source>
        <translation>責任者のみ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>why the revoked member is taken back (supervisors)</source>
        <translation>資格取消した会員を再入会させる理由（責任者のみ）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>2026-04-01, 2026/4/1 or a Japanese era date such as 昭和60年4月1日 or S60.4.1</source>
        <translation>2026-04-01、2026/4/1、または和暦（例: 昭和60年4月1日、S60.4.1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A parent or guardian has given consent</source>
        <translation>保護者の同意を得ている</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The guest is under %1: ask for a parent&apos;s or guardian&apos;s consent.</source>
        <translation>お客様は%1歳未満です。保護者の同意を確認してください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Family name</source>
        <translation>姓(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Given name</source>
        <translation>名(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family name (&amp;kana)</source>
        <translation>姓（フリガナ）(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given name (k&amp;ana)</source>
        <translation>名（フリガナ）(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family name (r&amp;omaji)</source>
        <translation>姓（ローマ字）(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given name (ro&amp;maji)</source>
        <translation>名（ローマ字）(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No reading: reaso&amp;n</source>
        <translation>読みなしの理由(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;E-mail</source>
        <translation>メールアドレス(&amp;E)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No e-mail: &amp;reason</source>
        <translation>メールなしの理由(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re-a&amp;dmit: reason</source>
        <translation>再入会の理由(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Birth date (optional)</source>
        <translation>生年月日（任意）(&amp;B)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Language</source>
        <translation>案内言語(&amp;L)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>✓ Not registered yet</source>
        <translation>✓ 未登録のアドレスです</translation>
    </message>
    <message>
        <location line="-72"/>
        <location line="+109"/>
        <source>birth date</source>
        <translation>生年月日</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desk_app/ui/office/export_dialog.py" line="+26"/>
        <source>When (UTC)</source>
        <translation>日時（UTC）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Members</source>
        <translation>会員</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ledger</source>
        <translation>取引台帳</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows</source>
        <translation>件数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal data</source>
        <translation>個人情報</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Yes</source>
        <translation>あり</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>なし</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clerk</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Export…</source>
        <translation>書き出し(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export members or ledger</source>
        <translation>会員・取引台帳の書き出し</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file is CSV (UTF-8), for a spreadsheet or another system. Each export is recorded with your name, and personal data leaves the database only when you include it.</source>
        <translation>CSV（UTF-8）で書き出し、表計算ソフトや他のシステムで使えます。書き出しは担当者名とともに記録されます。個人情報は含めると指定したときだけ書き出されます。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Members</source>
        <translation>会員(&amp;M)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Ledger entries</source>
        <translation>取引台帳(&amp;L)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Only members enrolled in the period</source>
        <translation>期間内に入会した会員のみ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Include personal data (names, e-mail, phone, address, birth date)</source>
        <translation>個人情報を含める（氏名、メール、電話番号、住所、生年月日）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export</source>
        <translation>書き出す内容</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>&amp;Period</source>
        <translation>期間(&amp;P)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Recent exports</source>
        <translation>最近の書き出し</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Export to</source>
        <translation>書き出し先</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 rows written to %2.</source>
        <translation>%1件を %2 に書き出しました。</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../desk_app/ui/base_dialog.py" line="+52"/>
        <source>Cancel (Esc)</source>
        <translation>キャンセル (Esc)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm (Enter)</source>
        <translation>確定 (Enter)</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../desk_app/ui/formatting.py" line="+89"/>
        <source>Active</source>
        <translation>有効</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Merged</source>
        <translation>統合済み</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+62"/>
        <source>Withdrawn</source>
        <translation>退会</translation>
    </message>
    <message>
        <location line="-61"/>
        <location line="+61"/>
        <source>Revoked</source>
        <translation>資格取消</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>Disqualified</source>
        <translation>資格剥奪</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Simple registration</source>
        <translation>簡易登録</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+52"/>
        <source>Full registration</source>
        <translation>正式登録</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Cashier</source>
        <translation>レジ係</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clerk</source>
        <translation>フロント係</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Supervisor</source>
        <translation>責任者</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reservation center</source>
        <translation>予約センター</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Official website</source>
        <translation>公式ウェブサイト</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direct with the hotel</source>
        <translation>ホテルへの直接予約</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Travel agency</source>
        <translation>旅行会社</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online travel agency</source>
        <translation>オンライン旅行会社（OTA）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Standard rate</source>
        <translation>正規料金</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Package with meals</source>
        <translation>食事付きプラン</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Group rate</source>
        <translation>団体料金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contract rate</source>
        <translation>契約料金</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Complimentary</source>
        <translation>無料招待</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Room</source>
        <translation>室料</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Meals in the plan</source>
        <translation>プラン内の食事</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Food and drink</source>
        <translation>飲食</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tax</source>
        <translation>消費税</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Local tax</source>
        <translation>宿泊税等</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Service charge</source>
        <translation>サービス料</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tips</source>
        <translation>チップ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In-room movies</source>
        <translation>客室内有料映像</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Telephone / internet</source>
        <translation>電話・インターネット</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shopping arcade</source>
        <translation>ショッピングアーケード</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid with points</source>
        <translation>ポイント払い分</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cash</source>
        <translation>現金</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Credit card</source>
        <translation>クレジットカード</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charged to the room</source>
        <translation>部屋付け</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gift check</source>
        <translation>ギフト券</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Travel voucher</source>
        <translation>旅行クーポン</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JAL Coupon</source>
        <translation>JALクーポン</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Enrolled</source>
        <translation>入会</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details changed</source>
        <translation>登録情報変更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stay</source>
        <translation>宿泊</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Restaurant / bar</source>
        <translation>レストラン・バー</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stay (companion)</source>
        <translation>宿泊（同室者）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redeemed</source>
        <translation>特典交換</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Adjustment</source>
        <translation>ポイント調整</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Points expired</source>
        <translation>ポイント失効</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merged in</source>
        <translation>統合（受入）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Merged out</source>
        <translation>統合（移行）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Points cancelled</source>
        <translation>ポイント取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card issued</source>
        <translation>カード発行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Premium Selection chosen</source>
        <translation>プレミアムセレクション選択</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Premium Selection changed</source>
        <translation>プレミアムセレクション変更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name changed</source>
        <translation>氏名変更</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tier change</source>
        <translation>ステータス変更</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reversal</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported</source>
        <translation>移行</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New card</source>
        <translation>新規発行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lost</source>
        <translation>紛失</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stolen</source>
        <translation>盗難</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Damaged</source>
        <translation>破損</translation>
    </message>
</context>
<context>
    <name>FullRegistrationDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/full_registration_dialog.py" line="+39"/>
        <source>Register</source>
        <translation>登録する</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Full registration — %1</source>
        <translation>正式登録 — %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member %1, %2. Address and telephone in the member&apos;s country of residence.</source>
        <translation>会員番号 %1、%2 様。住所と電話番号は、会員がお住まいの国のものを入力してください。</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+86"/>
        <source>NNN-NNNN</source>
        <translation>NNN-NNNN</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>e.g. 1-1-1</source>
        <translation>例: 1-1-1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>building and room, e.g. 丸の内ビル 1201</source>
        <translation>建物名・部屋番号（例: 丸の内ビル 1201）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Pr&amp;efecture</source>
        <translation>都道府県(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ity</source>
        <translation>市区町村(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;own</source>
        <translation>町域(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Street number</source>
        <translation>番地(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>B&amp;uilding, room</source>
        <translation>建物名・部屋番号(&amp;U)</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>e.g. 090-1234-5678</source>
        <translation>例: 090-1234-5678</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>2026-04-01, 2026/4/1 or a Japanese era date such as 昭和60年4月1日 or S60.4.1</source>
        <translation>2026-04-01、2026/4/1、または和暦（例: 昭和60年4月1日、S60.4.1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A parent or guardian has given consent</source>
        <translation>保護者の同意を得ている</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Country</source>
        <translation>国(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Postal code</source>
        <translation>郵便番号(&amp;P)</translation>
    </message>
    <message>
        <location line="+182"/>
        <source>This postal code covers several towns: choose the guest&apos;s town.</source>
        <translation>この郵便番号には複数の町域があります。お客様の町域を選んでください。</translation>
    </message>
    <message>
        <location line="-175"/>
        <source>&amp;Address</source>
        <translation>住所(&amp;A)</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Type the country&apos;s name or its two letters: Japan, JP, US…</source>
        <translation>国名または2文字のコードを入力: Japan、JP、US…</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>&amp;Telephone</source>
        <translation>電話番号(&amp;T)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Birth date</source>
        <translation>生年月日(&amp;B)</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Looking up the postal code…</source>
        <translation>郵便番号を検索しています…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No such postal code. Check it, or type the address.</source>
        <translation>該当する郵便番号がありません。番号をご確認いただくか、住所を入力してください。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>choose the town</source>
        <translation>町域を選択</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This postal code covers %1 towns: choose one.</source>
        <translation>この郵便番号には %1 件の町域があります。1つ選んでください。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>On file: %1</source>
        <translation>登録済みの住所: %1</translation>
    </message>
    <message>
        <location line="-138"/>
        <location line="+184"/>
        <source>birth date</source>
        <translation>生年月日</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desk_app/ui/office/import_dialog.py" line="+27"/>
        <source>CSV files (*.csv)</source>
        <translation>CSVファイル (*.csv)</translation>
    </message>
</context>
<context>
    <name>ImportMembersDialog</name>
    <message>
        <location line="+16"/>
        <source>Import members</source>
        <translation>会員の取り込み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members from the hotel&apos;s previous system, as a UTF-8 CSV file with a header row. Every row is checked by the desk&apos;s rules; one bad row and nothing is imported.</source>
        <translation>ホテルの以前のシステムの会員を、見出し行のあるUTF-8のCSVファイルで取り込みます。すべての行をデスクの規則で確認し、一行でも誤りがあれば何も取り込みません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The CSV file</source>
        <translation>CSVファイル</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;hoose…</source>
        <translation>選択(&amp;H)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;File:</source>
        <translation>ファイル(&amp;F):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only &amp;check the file (write nothing)</source>
        <translation>ファイルの確認のみ(&amp;C)(書き込みません)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rows that break a rule are listed here.</source>
        <translation>規則に合わない行がここに表示されます。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import</source>
        <translation>取り込む(&amp;I)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ca&amp;ncel import</source>
        <translation>取り込みを中止(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stops the import; nothing is written</source>
        <translation>取り込みを中止します。何も書き込まれません</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Import members from</source>
        <translation>会員の取り込み元</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose the CSV file to import.</source>
        <translation>取り込むCSVファイルを選んでください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reading the file…</source>
        <translation>ファイルを読んでいます…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Stopping…</source>
        <translation>中止しています…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 of %2 rows checked</source>
        <translation>%2行中%1行を確認しました</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 members, %2 point lots, %3 stay credits</source>
        <translation>会員%1名、ポイント%2口、宿泊実績%3件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file passes every check: %1. Nothing was written yet.</source>
        <translation>ファイルはすべての確認に合格しました:%1。まだ何も書き込まれていません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Imported: %1.</source>
        <translation>取り込みました:%1。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancelled: nothing was imported.</source>
        <translation>中止しました。何も取り込まれていません。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Line %1</source>
        <translation>%1行目</translation>
    </message>
</context>
<context>
    <name>InactiveDialog</name>
    <message>
        <location filename="../../desk_app/ui/office/inactive_dialog.py" line="+27"/>
        <source>Member no.</source>
        <translation>会員番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrolled</source>
        <translation>入会日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points</source>
        <translation>ポイント</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>has stayed or earned points since the list was made: not revoked</source>
        <translation>一覧作成後に利用があったため、取り消していません</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Inactive memberships</source>
        <translation>長期未利用の会員</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open memberships with no stay and no points for %1 months (counted from the last stay or points earned by use, or from enrolment). Revoking one closes it and cancels its points for good.</source>
        <translation>%1か月間、宿泊もポイント獲得もない有効な会員です（最後の利用、利用がなければ入会日から数えます）。資格を取り消すと会員資格は終了し、ポイントはすべて失効します。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Select &amp;all</source>
        <translation>すべて選択(&amp;A)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>e.g. inactive for 36 months (terms 7.2), office decision of today</source>
        <translation>例: 36か月未利用（規約7.2）、本日の事務局判断</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reason</source>
        <translation>理由(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>I understand the points of the selected members cannot be given back</source>
        <translation>選択した会員のポイントは戻せないことを理解しました</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;voke selected</source>
        <translation>選択した会員の資格を取消(&amp;V)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Stop</source>
        <translation>中止(&amp;S)</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 inactive memberships, %2 points between them.</source>
        <translation>長期未利用の会員 %1名、保有ポイント合計 %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Tick the box to confirm that the points will be cancelled.</source>
        <translation>ポイントが取り消されることを確認し、チェックを入れてください。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 memberships revoked.</source>
        <translation>%1名の会員資格を取り消しました。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped: the others were left as they are.</source>
        <translation>中止しました。残りの会員はそのままです。</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../../desk_app/ui/language_menu.py" line="+22"/>
        <source>Lan&amp;guage</source>
        <translation>言語(&amp;G)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The language of the desk for the signed-in clerk</source>
        <translation>サインイン中のスタッフが使う表示言語</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="+61"/>
        <location line="+392"/>
        <source>Harmony Desk</source>
        <translation>Harmony Desk</translation>
    </message>
    <message>
        <location line="-353"/>
        <source>Scan the card, or type a member number, e-mail, phone or name (F2)</source>
        <translation>カードを読み取るか、会員番号・メール・電話番号・氏名を入力 (F2)</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The desk is locked. Sign in to continue.</source>
        <translation>画面はロックされています。続けるにはサインインしてください。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Find member</source>
        <translation>会員検索(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the search field</source>
        <translation>検索欄に戻ります</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kana input in search</source>
        <translation>検索欄でかな入力(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Let the input method type kana in the search field for the next search</source>
        <translation>次の検索に限り、検索欄で日本語入力（かな）を使えるようにします</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Refresh member</source>
        <translation>会員情報を再表示(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Enrol new member…</source>
        <translation>新規入会(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simple registration: name, kana, e-mail</source>
        <translation>簡易登録: 氏名・フリガナ・メールアドレス</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F&amp;ull registration…</source>
        <translation>正式登録(&amp;U)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address, phone and birth date, needed to redeem</source>
        <translation>住所・電話番号・生年月日（特典交換に必要）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Card…</source>
        <translation>会員カード(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview, print or replace the membership card</source>
        <translation>会員カードの表示・印刷・再発行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Premium Selection &amp;hotel…</source>
        <translation>プレミアムセレクションホテル(&amp;H)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose or change the member&apos;s Premium Selection hotel</source>
        <translation>会員のプレミアムセレクションホテルを選択・変更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post &amp;stay at checkout…</source>
        <translation>宿泊ポイント付与(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Missing-stay claim…</source>
        <translation>宿泊の事後登録(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post restaurant &amp;bill…</source>
        <translation>レストラン・バーのポイント付与(&amp;B)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;deem award…</source>
        <translation>特典交換(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pay by Points…</source>
        <translation>ポイント払い(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Adjust points…</source>
        <translation>ポイント調整(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hange name…</source>
        <translation>氏名の変更(&amp;H)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name, reading and the romaji on the card (supervisor)</source>
        <translation>氏名・フリガナ・カードのローマ字表記（責任者）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Merge memberships…</source>
        <translation>重複会員の統合(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Withdraw membership…</source>
        <translation>会員資格の終了(&amp;W)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rev&amp;oke membership…</source>
        <translation>会員資格の取消(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disqualification or 36 months without a stay or points; the reason is required</source>
        <translation>資格はく奪、または36か月間宿泊もポイントもない場合。理由の入力が必要です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;verse…</source>
        <translation>計上の取消(&amp;V)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo the entry chosen in the member&apos;s history (a supervisor approves)</source>
        <translation>会員の履歴で選んだ記録を取り消します（責任者が承認）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unlock clerk…</source>
        <translation>スタッフのロック解除(&amp;U)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New clerk account…</source>
        <translation>スタッフアカウント作成(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reset a clerk&apos;s password…</source>
        <translation>スタッフのパスワード再設定(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Deactivate a clerk…</source>
        <translation>スタッフアカウントの無効化(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change &amp;password…</source>
        <translation>パスワード変更(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your own password; the current one is asked again</source>
        <translation>ご自身のパスワードを変更します（現在のパスワードを再入力します）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Back up now…</source>
        <translation>今すぐバックアップ(&amp;B)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A checked copy of the database (supervisor)</source>
        <translation>検証済みのデータベースの複製（責任者）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Res&amp;tore from backup…</source>
        <translation>バックアップから復元(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace the database with a checked backup; the current one is saved aside (supervisor)</source>
        <translation>データベースを検証済みのバックアップで置き換えます。現在のデータベースは別に保存されます（責任者）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desk &amp;settings…</source>
        <translation>端末設定(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hotel, terminal code and idle lock for this computer</source>
        <translation>この端末のホテル・端末コード・自動ロック</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lock the desk</source>
        <translation>画面ロック(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign &amp;out</source>
        <translation>サインアウト(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Member</source>
        <translation>会員(&amp;M)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Points</source>
        <translation>ポイント(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+17"/>
        <source>&amp;Office</source>
        <translation>管理(&amp;O)</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+14"/>
        <source>&amp;Desk</source>
        <translation>端末(&amp;D)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Working…</source>
        <translation>処理中…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%3 (%4)  ·  Terminal %5  ·  Business date %6  ·  %7</source>
        <translation>%3（%4）  ·  端末 %5  ·  営業日 %6  ·  %7</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed out</source>
        <translation>サインアウト中</translation>
    </message>
    <message>
        <location line="+374"/>
        <source>Clerk account %1 (%2, %3) created: they sign in with it now.</source>
        <translation>スタッフアカウント %1（%2、%3）を作成しました。このIDでサインインできます。</translation>
    </message>
    <message>
        <location line="-265"/>
        <source>No member found for “%1”.</source>
        <translation>「%1」に該当する会員は見つかりません。</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Harmony Desk — %1 %2</source>
        <translation>Harmony Desk — %1 %2</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>%1 points</source>
        <translation>%1ポイント</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Choose the entry to reverse in the history (Up/Down), then Office ▸ Reverse… (Ctrl+Shift+V) again.</source>
        <translation>取り消す記録を履歴で選び（↑/↓）、もう一度「管理 ▸ 計上の取消…」(Ctrl+Shift+V) を選んでください。</translation>
    </message>
</context>
<context>
    <name>MemberHeader</name>
    <message>
        <location filename="../../desk_app/ui/member_header.py" line="+65"/>
        <source>%1 points</source>
        <translation>%1ポイント</translation>
    </message>
</context>
<context>
    <name>MemberPage</name>
    <message>
        <location filename="../../desk_app/ui/member_page.py" line="+73"/>
        <source>No member selected</source>
        <translation>会員が選択されていません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan a card or type a member number, e-mail, phone or name above.
Press F2 to return to the search field at any time.</source>
        <translation>カードを読み取るか、上の欄に会員番号・メール・電話番号・氏名を入力してください。
F2 でいつでも検索欄に戻れます。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Birthday month</source>
        <translation>誕生月</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Points</source>
        <translation>ポイント</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Next to expire</source>
        <translation>次回失効</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Qualifying points</source>
        <translation>ステータス対象ポイント</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nights</source>
        <translation>宿泊数</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Membership</source>
        <translation>会員情報</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registration</source>
        <translation>登録区分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrolled</source>
        <translation>入会日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Premium Selection</source>
        <translation>プレミアムセレクション</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card</source>
        <translation>カード</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>連絡先</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose an entry, then Office ▸ Reverse… (Ctrl+Shift+V)</source>
        <translation>記録を選んで「管理 ▸ 計上の取消…」(Ctrl+Shift+V)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recent history</source>
        <translation>最近の履歴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points expiry timeline</source>
        <translation>ポイント有効期限</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>%1 until %2</source>
        <translation>%1（%2まで）</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+23"/>
        <source>%1 points</source>
        <translation>%1ポイント</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Expires on %1: %2 points</source>
        <translation>%1に失効：%2ポイント</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing to expire</source>
        <translation>失効予定なし</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points can still be used on that day.</source>
        <translation>その日まではポイントを利用できます。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This year (%1)</source>
        <translation>今年（%1年）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%p% to keep %1 for %2</source>
        <translation>%2年の%1維持まで %p%</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%p% to %1</source>
        <translation>%1まで %p%</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 nights</source>
        <translation>%1泊</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 needs %2</source>
        <translation>%1への昇格条件: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> or </source>
        <translation> または </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Top tier reached</source>
        <translation>最上位ステータス</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 at %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not chosen</source>
        <translation>未選択</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Card %1, issued %2 (%3)</source>
        <translation>カード %1（%2 発行、%3）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No card yet</source>
        <translation>カード未発行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address on file (not shown to your role)</source>
        <translation>住所登録あり（この権限では表示されません）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This membership is closed (%1 on %2). It cannot earn or redeem.</source>
        <translation>この会員資格は終了しています（%2 %1）。ポイントの獲得・利用はできません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merged into %1.</source>
        <translation>統合先: %1。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>valid</source>
        <translation>有効</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>replaced</source>
        <translation>再発行済み</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cancelled</source>
        <translation>無効</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/merge_dialog.py" line="+14"/>
        <source>&amp;Merge</source>
        <translation>統合する(&amp;M)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Merge memberships</source>
        <translation>重複会員の統合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keeps %1 (%2). The duplicate&apos;s points (with their own expiry dates), nights and history move here; the duplicate number is closed for good.</source>
        <translation>%1（%2 様）を残します。重複している会員番号のポイント（有効期限はそのまま）、宿泊数、履歴をこちらへ移し、重複側の会員番号は終了します。元には戻せません。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>member number of the duplicate</source>
        <translation>重複している会員番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep</source>
        <translation>残す会員</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close and merge in</source>
        <translation>統合して終了する会員(&amp;C)</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../desk_app/ui/messages.py" line="+29"/>
        <source>This e-mail address already belongs to a member. Look the guest up instead of enrolling them again.</source>
        <translation>このメールアドレスは既に会員登録されています。再度入会登録せず、会員を検索してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This does not look like an e-mail address. Check it with the guest.</source>
        <translation>メールアドレスの形式になっていないようです。お客様にご確認ください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The guest is under 18. Ask for a parent&apos;s or guardian&apos;s consent and tick the consent box.</source>
        <translation>お客様は18歳未満です。保護者の同意を確認し、同意欄にチェックを入れてください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Simple registration only: complete the full registration (address, phone, birth date) before redeeming. Ctrl+R opens it.</source>
        <translation>簡易登録のみです。特典交換の前に正式登録（住所・電話番号・生年月日）を完了してください。Ctrl+R で開きます。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This membership is closed. It cannot earn or redeem points.</source>
        <translation>この会員資格は終了しています。ポイントの獲得・利用はできません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The member does not have enough points for this.</source>
        <translation>ポイント残高が足りません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This folio or check number has already been posted at this hotel.</source>
        <translation>このフォリオ番号または伝票番号は、当ホテルで既に登録されています。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This date is before the guest joined. Nothing can be credited for it.</source>
        <translation>入会日より前の日付です。この日のご利用にはポイントを付与できません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is more than 6 months ago. A missing stay or bill can only be claimed within 6 months of the date of use.</source>
        <translation>6か月以上前のご利用です。宿泊・飲食の事後登録は、ご利用日から6か月以内に限り受け付けます。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This award is not available for this booking. Room upgrades need a booking made through the reservation center or directly with the hotel.</source>
        <translation>この予約ではこの特典をご利用いただけません。客室アップグレードは、予約センターまたはホテルへの直接予約が対象です。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This award is not in the catalogue.</source>
        <translation>この特典は特典一覧にありません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This hotel code is not part of the program.</source>
        <translation>このホテルコードはプログラムの対象外です。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No transaction has this number. Choose the entry in the member&apos;s history.</source>
        <translation>この番号の取引はありません。会員の履歴から取引を選んでください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This entry has already been reversed. A posting or redemption is reversed only once.</source>
        <translation>この取引はすでに取り消されています。計上や特典交換の取り消しは一度だけです。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The birth date is missing or not possible. Full registration needs the guest&apos;s birth date (an under-18 guest also needs a guardian&apos;s consent).</source>
        <translation>生年月日が入力されていないか、ありえない日付です。本登録には生年月日が必要です(18歳未満の方は保護者の同意も必要です)。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A membership with this e-mail address was revoked. Only a supervisor can register it again, recording the reason.</source>
        <translation>このメールアドレスの会員資格は取り消されています。再登録は責任者が理由を記録して行います。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This does not look like a telephone number for the country chosen.</source>
        <translation>選択した国の電話番号として正しくないようです。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The folio or check number may contain only letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;.&apos; and &apos;/&apos; (up to 40).</source>
        <translation>フォリオ番号・伝票番号に使えるのは、英字・数字と「-」「_」「.」「/」のみです（40文字以内）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please write down the reason.</source>
        <translation>理由を入力してください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your role does not allow this. Ask a supervisor.</source>
        <translation>この操作を行う権限がありません。責任者に依頼してください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the member&apos;s identity (card or photo ID) first, and tick the box (Alt+I).</source>
        <translation>先に会員の本人確認（カードまたは写真付き身分証）を行い、チェックを入れてください（Alt+I）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database is not set up yet.</source>
        <translation>データベースがまだ設定されていません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The clerk ID or password is wrong.</source>
        <translation>スタッフIDまたはパスワードが正しくありません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This account is locked for 15 minutes after too many wrong passwords. A supervisor can unlock it sooner.</source>
        <translation>パスワードを何度も間違えたため、このアカウントは15分間ロックされています。責任者はそれより早くロックを解除できます。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a booking channel and rate plan from the lists.</source>
        <translation>予約経路と料金プランを一覧から選んでください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Premium Selection hotel cannot be changed now: it can be changed once each April-to-March year, from April 1 of the year after it was first chosen.</source>
        <translation>プレミアムセレクションホテルは現在変更できません。変更は4月〜翌3月の年度ごとに1回までで、最初に選択した翌年の4月1日以降となります。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This hotel can be chosen only by Loyal and Exclusive members.</source>
        <translation>このホテルはロイヤル会員・エクスクルーシブ会員のみ選択できます。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another night audit is running now. Wait until it has finished.</source>
        <translation>別のナイトオーディットが実行中です。終わるまでお待ちください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file cannot be written there. Choose another folder or file name.</source>
        <translation>そこにはファイルを書き込めません。別のフォルダーかファイル名を選んでください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This desk has no card-signing key for this database, so it cannot issue or check cards. Ask the supervisor to install the key file on this computer.</source>
        <translation>この端末にはこのデータベースのカード署名鍵がないため、カードの発行も確認もできません。このコンピューターに鍵ファイルを設置するよう責任者に依頼してください。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The database is busy with other desks&apos; work and nothing was changed. Try again in a moment.</source>
        <translation>ほかのデスクの処理でデータベースが混み合っているため、何も変更されませんでした。少し待ってからもう一度お試しください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This database was upgraded by a newer version of Harmony Desk. Install that version on this computer; nothing was changed.</source>
        <translation>このデータベースは新しいバージョンの Harmony Desk で更新されています。このコンピューターにそのバージョンをインストールしてください。何も変更されていません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A stay needs its room charge. Post a restaurant or bar bill instead, or choose the complimentary rate plan.</source>
        <translation>宿泊の登録には客室料金が必要です。レストラン・バーの利用として登録するか、無料招待の料金プランを選んでください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows of the file break the desk&apos;s rules, so nothing was imported. Correct the rows listed and import the whole file again.</source>
        <translation>ファイルにデスクの規則に合わない行があるため、何も取り込みませんでした。表示された行を直して、ファイル全体をもう一度取り込んでください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This card has been replaced by a newer card and no longer works. Ask the guest for the current card, or look them up by name.</source>
        <translation>このカードは再発行により使用できなくなっています。お客様に現在のカードをお尋ねいただくか、お名前で検索してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This card is not genuine: it was not issued by this program. Do not accept it.</source>
        <translation>このカードは本プログラムが発行した正規のカードではありません。受け付けないでください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This card belongs to a membership that is closed.</source>
        <translation>このカードの会員資格は終了しています。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This card is no longer valid. Ask the guest for the current card.</source>
        <translation>このカードは無効です。お客様に現在のカードをお尋ねください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No member has this number. Check the digits, or search by name, e-mail or phone.</source>
        <translation>この番号の会員は見つかりません。番号をご確認いただくか、氏名・メール・電話番号で検索してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name is missing, too long, or has characters a name cannot have. Only individuals can join.</source>
        <translation>氏名が未入力か、長すぎるか、氏名に使えない文字が含まれています。入会できるのは個人のみです。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An amount or quantity is not possible here. Check the figures.</source>
        <translation>金額または数量が正しくありません。数字をご確認ください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A date is not possible here (check-out before check-in, a date in the future, or an impossible birth date).</source>
        <translation>日付が正しくありません（チェックアウトがチェックインより前、未来の日付、またはありえない生年月日）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The same member cannot be named twice here.</source>
        <translation>同じ会員を二度指定することはできません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The postal code or address is not complete or not possible. Check it with the guest.</source>
        <translation>郵便番号または住所が不完全か正しくありません。お客様にご確認ください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This database runs another loyalty program.</source>
        <translation>このデータベースは別のポイントプログラムで運用されています。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This entry cannot be reversed. Stays and bills can be; a redemption or Pay by Points only on its own business date, and never an OMO use. Record an adjustment instead.</source>
        <translation>この取引は取り消せません。取り消せるのは宿泊・料飲の計上と、同じ営業日のうちの特典交換・ポイント払いだけです（OMOのご利用は取り消せません）。ポイント調整で対応してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The clerk account details are not complete or not possible.</source>
        <translation>担当者アカウントの内容が不完全か正しくありません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The ledger was changed outside the application: an entry no longer fits its hash chain. Tell the supervisor; run desk-admin check-ledger for the details.</source>
        <translation>台帳がアプリの外で書き換えられています。ハッシュチェーンに合わない記録があります。責任者に連絡してください（詳細は desk-admin check-ledger で確認できます）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The ledger&apos;s figures do not add up. Tell the supervisor; run desk-admin check-ledger for the details.</source>
        <translation>台帳の数値が合いません。責任者に連絡してください（詳細は desk-admin check-ledger で確認できます）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This file is not a backup of this database that passes its checks. Nothing was changed.</source>
        <translation>このファイルは、検証に合格するこのデータベースのバックアップではありません。何も変更されていません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This cannot be done here for this kind of database. A PostgreSQL database is backed up and restored on its server.</source>
        <translation>この種類のデータベースでは、ここからは実行できません。PostgreSQL のデータベースはサーバー側でバックアップ・復元します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The business date moves one day at a time, never back, and not past tomorrow.</source>
        <translation>営業日は1日ずつ進めます。戻すことはできず、明日より先にはできません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The exchange rate is too far from this hotel&apos;s reference rate. Check the figure on the folio.</source>
        <translation>為替レートがこのホテルの基準レートから離れすぎています。フォリオの数字を確認してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This posting would credit more points than one posting may. Check the amounts; a genuine case is a supervisor&apos;s adjustment.</source>
        <translation>この記帳は1回の記帳で付与できるポイントを超えます。金額を確認してください。正当な場合はスーパーバイザーによる調整で対応します。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Only whole %1 units can be paid with points.</source>
        <translation>ポイント払いは%1単位でのみご利用いただけます。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 or %2, for example.</source>
        <translation>例: %1 または %2。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A name written in kanji needs its reading in kana: without it the member cannot be found by kana later, and the card has no name in romaji.</source>
        <translation>漢字の氏名にはフリガナが必要です。フリガナがないと、後からカナで検索できず、カードのローマ字表記も作れません。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not part of a %2&apos;s work at this desk. Ask a clerk or a supervisor.</source>
        <translation>%1 は%2の権限では行えません。フロント担当者か責任者に依頼してください。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing can be redeemed yet: the balance is %1 points and the smallest award here needs %2.</source>
        <translation>まだ交換できる特典はありません。残高は%1ポイントで、最も少ない特典でも%2が必要です。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The member does not have enough points for this: %1 valid points, %2 needed.</source>
        <translation>ポイントが足りません。有効なポイントは%1、必要なのは%2ポイントです。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 has already been posted at this hotel: a folio or check is posted once.</source>
        <translation>%1 はこのホテルで登録済みです。フォリオ・伝票は一度だけ登録できます。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The current password is wrong.</source>
        <translation>現在のパスワードが正しくありません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This program&apos;s accounts are never merged: each account&apos;s points stand alone.</source>
        <translation>このプログラムのアカウントは統合できません。ポイントはアカウントごとに独立しています。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This was refused and nothing was changed. Check what was typed.</source>
        <translation>処理できませんでした（何も変更されていません）。入力内容をご確認ください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Something went wrong and nothing was changed. Try again; if it happens again, tell the supervisor.</source>
        <translation>問題が発生したため、処理は行われませんでした。もう一度お試しください。再び発生する場合は責任者にお知らせください。</translation>
    </message>
</context>
<context>
    <name>Models</name>
    <message>
        <location filename="../../desk_app/ui/models.py" line="+113"/>
        <source>Member no.</source>
        <translation>会員番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+196"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location line="-195"/>
        <source>Kana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+49"/>
        <location line="+74"/>
        <source>Points</source>
        <translation>ポイント</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nights</source>
        <translation>泊数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hotel</source>
        <translation>ホテル</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>参照番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No.</source>
        <translation>番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clerk</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1, approved by %2</source>
        <translation>%1（承認: %2）</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Reversal of %1</source>
        <translation>%1 の取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — reversed by %2</source>
        <translation>%1 — %2 で取消済み</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reversed on %1 by %2: %3</source>
        <translation>%1に%2が取消: %3</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Expires after</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Earned</source>
        <translation>獲得日</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 per %2</source>
        <translation>%2あたり%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>needs %1 more</source>
        <translation>あと%1必要</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Key</source>
        <translation>キー</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Award</source>
        <translation>特典</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs %1 more points</source>
        <translation>あと%1ポイント必要です</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Points each</source>
        <translation>必要ポイント</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up to</source>
        <translation>交換可能数</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Deactivated</source>
        <translation>無効</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Locked until %1</source>
        <translation>%1 までロック中</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Clerk ID</source>
        <translation>スタッフID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Role</source>
        <translation>権限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Locked</source>
        <translation>ロック中</translation>
    </message>
</context>
<context>
    <name>NameChangeDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/name_change_dialog.py" line="+17"/>
        <source>&amp;Change name</source>
        <translation>氏名変更(&amp;C)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change the name — %1</source>
        <translation>氏名変更 — %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change the name as on the guest&apos;s identity document. The card shows the name in romaji: leave it empty to use the reading in Hepburn.</source>
        <translation>お客様の本人確認書類のとおりに氏名を変更します。カードにはローマ字で印字されます。ローマ字欄が空欄の場合はフリガナのヘボン式ローマ字を使います。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>e.g. ヤマダ</source>
        <translation>例: ヤマダ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. タロウ</source>
        <translation>例: タロウ</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/dialogs/enrol_dialog.py" line="-138"/>
        <location filename="../../desk_app/ui/dialogs/name_change_dialog.py" line="+1"/>
        <source>e.g. Yamada</source>
        <translation>例: Yamada</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../desk_app/ui/dialogs/name_change_dialog.py" line="+1"/>
        <source>e.g. Taro</source>
        <translation>例: Taro</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/dialogs/name_change_dialog.py" line="+2"/>
        <source>As in the passport, for the card. Leave empty to use the reading in Hepburn.</source>
        <translation>カードに印字する表記です。パスポートと同じつづりで入力してください。空欄の場合はフリガナのヘボン式ローマ字を使います。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. marriage; passport shown</source>
        <translation>例: 婚姻のため。パスポートで確認</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Family name</source>
        <translation>姓(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Given name</source>
        <translation>名(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family name (&amp;kana)</source>
        <translation>姓（フリガナ）(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given name (k&amp;ana)</source>
        <translation>名（フリガナ）(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family name (r&amp;omaji)</source>
        <translation>姓（ローマ字）(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given name (ro&amp;maji)</source>
        <translation>名（ローマ字）(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason</source>
        <translation>理由(&amp;R)</translation>
    </message>
</context>
<context>
    <name>NewClerkDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/new_clerk_dialog.py" line="+15"/>
        <source>&amp;Create account</source>
        <translation>アカウント作成(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New clerk account</source>
        <translation>スタッフアカウントの作成</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Clerk &amp;ID</source>
        <translation>スタッフID(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name</source>
        <translation>氏名(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role</source>
        <translation>権限(&amp;R)</translation>
    </message>
</context>
<context>
    <name>NightAuditDialog</name>
    <message>
        <location filename="../../desk_app/ui/office/night_audit_dialog.py" line="+26"/>
        <source>Close the business day</source>
        <translation>営業日の締め</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write off points expired before %1</source>
        <translation>%1より前に期限切れのポイントを失効</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tier evaluation of %1, with carry-over</source>
        <translation>%1年のステータス判定と繰越</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Done before</source>
        <translation>実行済み</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancelled: the next audit finishes it</source>
        <translation>中止: 次回のオーディットで完了します</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused</source>
        <translation>実行できません</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Another audit is running it</source>
        <translation>別のオーディットが実行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not run: the next audit runs it</source>
        <translation>未実行: 次回のオーディットで実行します</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To do</source>
        <translation>未実行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>chain head %1… (%2 entries)</source>
        <translation>チェーンヘッド %1…（%2件）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 points written off from %2 members</source>
        <translation>%2名、%1ポイントを失効</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 members evaluated</source>
        <translation>%1名を判定</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Step</source>
        <translation>処理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hotel</source>
        <translation>ホテル</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Figures</source>
        <translation>結果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clerk</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished (UTC)</source>
        <translation>完了日時（UTC）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Night audit — %1</source>
        <translation>ナイトオーディット — %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading the hotel&apos;s business date…</source>
        <translation>ホテルの営業日を読み込んでいます…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Steps</source>
        <translation>処理</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Start the night audit</source>
        <translation>ナイトオーディットを開始(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+107"/>
        <source>Ca&amp;ncel safely</source>
        <translation>安全に中止(&amp;N)</translation>
    </message>
    <message>
        <location line="-106"/>
        <source>Stops after the members being written now; nothing is half-done</source>
        <translation>処理中の会員を書き終えてから止めます。途中までの処理は残りません</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recent steps</source>
        <translation>最近の処理</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The audit that opened %1 did not finish. Starting finishes its steps; the business date stays %1 until the next audit.</source>
        <translation>%1を開始したオーディットが完了していません。開始すると残りの処理を完了します。営業日は次回のオーディットまで%1のままです。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Finish the audit</source>
        <translation>オーディットを完了(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Business date now: %1. The audit closes it and opens %2, then writes off the points whose last day was %1.</source>
        <translation>現在の営業日: %1。オーディットでこの日を締めて%2を開始し、有効期限が%1までのポイントを失効させます。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The year turns: the tiers of %1 are evaluated, with the carry-over into %2.</source>
        <translation>年が変わります: %1年のステータスを判定し、%2年へ繰り越します。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Stopping…</source>
        <translation>中止しています…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 of %2 members</source>
        <translation>%1 / %2名</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Business day %1 closed; the business date is now %2.</source>
        <translation>営業日%1を締めました。現在の営業日は%2です。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The business date stays %1.</source>
        <translation>営業日は%1のままです。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every step is done.</source>
        <translation>すべての処理が完了しました。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled: every member is either done or untouched. Start the night audit again to finish.</source>
        <translation>中止しました。各会員は処理済みか未処理のどちらかです。完了するにはナイトオーディットをもう一度開始してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not every step is done: start the night audit again to finish.</source>
        <translation>完了していない処理があります。ナイトオーディットをもう一度開始してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ledger chain head at the close: %1 (%2 entries)</source>
        <translation>締め時点の台帳チェーンヘッド: %1（%2件）</translation>
    </message>
</context>
<context>
    <name>OfficeCommon</name>
    <message>
        <location filename="../../desk_app/ui/office/common.py" line="+24"/>
        <source>CSV files (*.csv)</source>
        <translation>CSVファイル (*.csv)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDFファイル (*.pdf)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>All hotels</source>
        <translation>全ホテル</translation>
    </message>
</context>
<context>
    <name>OfficeMenu</name>
    <message>
        <location filename="../../desk_app/ui/office/menu.py" line="+28"/>
        <source>Night audi&amp;t…</source>
        <translation>ナイトオーディット(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roll the business date, write off expired points and, at the turn of the year, evaluate tiers</source>
        <translation>営業日を進め、期限切れのポイントを失効させ、年末年始にはステータスを判定します</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Da&amp;y report…</source>
        <translation>日次レポート(&amp;Y)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the hotel did on a business date, by clerk and terminal</source>
        <translation>営業日ごとのホテルの実績（担当者別・端末別）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shi&amp;ft report…</source>
        <translation>シフトレポート(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What one clerk did on a business date</source>
        <translation>担当者1名の営業日の実績</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Program report&amp;s…</source>
        <translation>プログラムレポート(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points issued and redeemed, members by tier, points expiring, enrolments: charts and tables</source>
        <translation>ポイントの付与と利用、ステータス別会員数、失効予定ポイント、入会数（グラフと表）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport members or ledger…</source>
        <translation>会員・取引台帳の書き出し(&amp;X)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members or the ledger for a period to a CSV file (recorded)</source>
        <translation>会員または期間内の取引台帳をCSVファイルに書き出します（記録されます）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dupli&amp;cate memberships…</source>
        <translation>重複の疑いがある会員(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memberships that may be one person: compare them side by side and merge</source>
        <translation>同一人物の可能性がある会員を並べて比べ、統合します</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Inactive memberships…</source>
        <translation>長期未利用の会員(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No stay and no points for 36 months: revoke one by one or selected</source>
        <translation>36か月間利用のない会員: 1名ずつ、または選択して資格を取り消します</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import &amp;members…</source>
        <translation>会員の取り込み(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members from the hotel&apos;s previous system, from a CSV file: all rows or none</source>
        <translation>ホテルの以前のシステムの会員をCSVファイルから取り込みます(全行か、何もしないか)</translation>
    </message>
</context>
<context>
    <name>PasswordFields</name>
    <message>
        <location filename="../../desk_app/ui/password_fields.py" line="+31"/>
        <source>at least 8 characters</source>
        <translation>8文字以上</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Password</source>
        <translation>パスワード(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Confirm password</source>
        <translation>パスワード（確認）(&amp;C)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The two passwords are not the same. Type them again.</source>
        <translation>2つのパスワードが一致しません。もう一度入力してください。</translation>
    </message>
</context>
<context>
    <name>PayByPointsDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/pay_by_points_dialog.py" line="+18"/>
        <source>&amp;Pay with points</source>
        <translation>ポイントで支払う(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pay by Points — %1</source>
        <translation>ポイント払い — %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 points pay for each %2 of the bill; only whole %2 units.</source>
        <translation>ご利用代金 %2 ごとに %1ポイントでお支払いいただけます（%2 単位のみ）。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Balance: %1 points</source>
        <translation>残高: %1ポイント</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>folio or check number (optional)</source>
        <translation>フォリオ番号または伝票番号（任意）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I have checked the member&apos;s &amp;identity (card or photo ID)</source>
        <translation>会員の本人確認を行いました（カードまたは写真付き身分証）(&amp;I)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ticked: the member&apos;s card was scanned</source>
        <translation>会員カードを読み取ったため確認済みです</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Amount to pay</source>
        <translation>支払額(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points</source>
        <translation>ポイント</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Folio or check</source>
        <translation>フォリオ・伝票番号(&amp;F)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+80"/>
        <source>&amp;Print voucher</source>
        <translation>引換券を印刷(&amp;P)</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>needs %1, has %2; at most %3 can be paid with points</source>
        <translation>必要%1、残高%2。ポイントで支払えるのは最大%3です</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 points; %2 left after</source>
        <translation>%1ポイント（お支払い後の残高 %2ポイント）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 paid with points</source>
        <translation>%1をポイントで支払い</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 paid with %2 points. Voucher %3. New balance %4 points.</source>
        <translation>%1 を %2ポイントでお支払いしました。引換券番号 %3。新しい残高は %4ポイントです。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Voucher</source>
        <translation>引換券番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid with points</source>
        <translation>ポイント払い額</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points used</source>
        <translation>使用ポイント</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance</source>
        <translation>残高</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pay by Points voucher</source>
        <translation>ポイント払い引換券</translation>
    </message>
</context>
<context>
    <name>PremiumSelectionDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/premium_dialog.py" line="+15"/>
        <source>&amp;Choose</source>
        <translation>選択する(&amp;C)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Premium Selection — %1</source>
        <translation>プレミアムセレクション — %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The member&apos;s Premium Selection hotel. It can be changed once each April-to-March year, from April 1 of the year after it was first chosen; some hotels are for Loyal and Exclusive members only.</source>
        <translation>会員のプレミアムセレクションホテルです。変更は4月〜翌3月の年度ごとに1回までで、最初に選択した翌年の4月1日以降となります。一部のホテルはロイヤル会員・エクスクルーシブ会員のみ選択できます。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Now: %1</source>
        <translation>現在: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not chosen</source>
        <translation>未選択</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Hotel</source>
        <translation>ホテル(&amp;H)</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../desk_app/ui/printing.py" line="+179"/>
        <source>Membership card</source>
        <translation>会員カード</translation>
    </message>
</context>
<context>
    <name>Program</name>
    <message>
        <location filename="../programs/omo.json" line="+60"/>
        <source>Member</source>
        <translation>メンバー</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Accommodation Ticket (1,000 yen)</source>
        <translation>宿泊券（1,000円）</translation>
    </message>
    <message>
        <location filename="../programs/one_harmony.json" line="+64"/>
        <source>Basic</source>
        <translation>ベーシック</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loyal</source>
        <translation>ロイヤル</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exclusive</source>
        <translation>エクスクルーシブ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pay by Points (stay, restaurant &amp; bar)</source>
        <translation>ポイント払い（宿泊・レストラン・バー）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stay Award, Standard (1 night, 1 room, 2 guests)</source>
        <translation>宿泊特典 スタンダード（1泊・1室・2名）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stay Award, Superior (1 night, 1 room, 2 guests)</source>
        <translation>宿泊特典 スーペリア（1泊・1室・2名）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room Upgrade, Standard to Superior (1 night)</source>
        <translation>客室アップグレード スタンダード→スーペリア（1泊）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room Upgrade, Superior to Deluxe (1 night)</source>
        <translation>客室アップグレード スーペリア→デラックス（1泊）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Breakfast Award, adult</source>
        <translation>朝食特典 大人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Breakfast Award, child aged 6-12</source>
        <translation>朝食特典 お子様（6〜12歳）</translation>
    </message>
</context>
<context>
    <name>ProgramReports</name>
    <message>
        <location filename="../../desk_app/ui/office/program_reports_dialog.py" line="+55"/>
        <source>Business date</source>
        <translation>営業日</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+24"/>
        <source>Hotel</source>
        <translation>ホテル</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Points issued</source>
        <translation>付与ポイント</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points redeemed</source>
        <translation>利用ポイント</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tier</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Members</source>
        <translation>会員数</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points expiring</source>
        <translation>失効予定ポイント</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enrolled on</source>
        <translation>入会日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New members</source>
        <translation>新規会員</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save &amp;CSV…</source>
        <translation>CSVで保存(&amp;C)…</translation>
    </message>
</context>
<context>
    <name>ProgramReportsDialog</name>
    <message>
        <location line="+32"/>
        <source>Program reports</source>
        <translation>プログラムレポート</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Show</source>
        <translation>表示(&amp;S)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;From</source>
        <translation>開始日(&amp;F)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;To</source>
        <translation>終了日(&amp;T)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Hotel</source>
        <translation>ホテル(&amp;H)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Points issued and redeemed</source>
        <translation>ポイントの付与と利用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members by tier</source>
        <translation>ステータス別会員数</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+74"/>
        <source>Points expiring</source>
        <translation>失効予定ポイント</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>Enrolments</source>
        <translation>入会数</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Issued</source>
        <translation>付与</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Redeemed</source>
        <translation>利用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Points issued and redeemed per day — %1</source>
        <translation>日別のポイント付与と利用 — %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Business date</source>
        <translation>営業日</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+8"/>
        <location line="+18"/>
        <source>Points</source>
        <translation>ポイント</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Per hotel, %1 – %2</source>
        <translation>ホテル別（%1～%2）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hotel</source>
        <translation>ホテル</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Issued %1 points, redeemed %2 points (net of reversals and voids).</source>
        <translation>付与 %1ポイント、利用 %2ポイント（取消後の純額）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Members by tier on %1</source>
        <translation>%1時点のステータス別会員数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members</source>
        <translation>会員数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tier</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 open memberships.</source>
        <translation>有効な会員 %1名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Points expiring per month, next %1 months</source>
        <translation>月別の失効予定ポイント（今後%1か月）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Month of expiry</source>
        <translation>失効月</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 points will expire unless used (valid points on %2).</source>
        <translation>利用されなければ %1ポイントが失効します（%2時点の有効ポイント）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enrolments per day — %1</source>
        <translation>日別の入会数 — %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>New members</source>
        <translation>新規会員</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enrolment date</source>
        <translation>入会日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 new members.</source>
        <translation>新規会員 %1名</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save the figures as CSV</source>
        <translation>数値をCSVで保存</translation>
    </message>
</context>
<context>
    <name>RedeemDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/redeem_dialog.py" line="+45"/>
        <source>&amp;Redeem</source>
        <translation>交換する(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redeem an award — %1</source>
        <translation>特典交換 — %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+170"/>
        <source>&amp;Print voucher</source>
        <translation>引換券を印刷(&amp;P)</translation>
    </message>
    <message>
        <location line="-125"/>
        <source>%1 points</source>
        <translation>%1ポイント</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Balance: %1 points</source>
        <translation>残高: %1ポイント</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Number keys choose an award; Enter moves on</source>
        <translation>数字キーで特典を選び、Enterで次へ進みます</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+63"/>
        <source>optional</source>
        <translation>任意</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>I have checked the member&apos;s &amp;identity (card or photo ID)</source>
        <translation>会員の本人確認を行いました（カードまたは写真付き身分証）(&amp;I)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ticked: the member&apos;s card was scanned</source>
        <translation>会員カードを読み取ったため確認済みです</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quantity</source>
        <translation>数量(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booking &amp;channel</source>
        <translation>予約経路(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Folio (optional)</source>
        <translation>フォリオ番号（任意）(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points after</source>
        <translation>交換後の残高</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>needs %1, has %2</source>
        <translation>必要%1、残高%2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Pay by Points has its own form: Ctrl+Enter opens it (Shift+F9).</source>
        <translation>ポイント払いは専用の画面で行います。Ctrl+Enterで開きます (Shift+F9)。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 − %2 = %3 points</source>
        <translation>%1 − %2 = %3ポイント</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose an award (number keys 1–%1).</source>
        <translation>特典を選んでください（数字キー1–%1）。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Redeemed %1 × %2 for %3 points. Voucher %4. New balance %5 points.</source>
        <translation>%2 × %1 を %3ポイントで交換しました。引換券番号 %4。新しい残高は %5ポイントです。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Voucher</source>
        <translation>引換券番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Award</source>
        <translation>特典</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points used</source>
        <translation>使用ポイント</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance</source>
        <translation>残高</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Award voucher</source>
        <translation>特典引換券</translation>
    </message>
</context>
<context>
    <name>ReplaceCardDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/card_dialog.py" line="-227"/>
        <source>Replace the card — %1</source>
        <translation>カード再発行 — %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Why is the card being replaced?</source>
        <translation>再発行の理由</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Lost</source>
        <translation>紛失(&amp;L)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Stolen</source>
        <translation>盗難(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Damaged</source>
        <translation>破損(&amp;D)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Card %1 of %2 (%3), issued %4, will stop working at once: a scan of it will be refused. The guest gets card %5.</source>
        <translation>%2（%3様）のカード %1（%4 発行）はただちに使えなくなり、読み取っても受け付けられません。お客様にはカード %5 をお渡しします。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Replace card %1</source>
        <translation>カード %1 を再発行</translation>
    </message>
</context>
<context>
    <name>ReportDocument</name>
    <message>
        <location filename="../../desk_app/ui/office/report_document.py" line="+47"/>
        <source>Post stay</source>
        <translation>宿泊の計上</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Post bill</source>
        <translation>料飲の計上</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Redeem award</source>
        <translation>特典交換</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+49"/>
        <location line="+26"/>
        <source>Pay by Points</source>
        <translation>ポイント払い</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Enrol</source>
        <translation>入会登録</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full registration</source>
        <translation>正式登録</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change contact details</source>
        <translation>連絡先の変更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issue card</source>
        <translation>カード発行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Adjust points</source>
        <translation>ポイント調整</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Merge</source>
        <translation>会員の統合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdraw</source>
        <translation>退会</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revoke</source>
        <translation>資格取消</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reverse</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change name</source>
        <translation>氏名の変更</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Premium Selection</source>
        <translation>プレミアムセレクション</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expiry batch</source>
        <translation>ポイント失効処理</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tier evaluation</source>
        <translation>ステータス判定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Night audit</source>
        <translation>ナイトオーディット</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import members</source>
        <translation>会員の取り込み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export members</source>
        <translation>会員の書き出し</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export ledger</source>
        <translation>取引台帳の書き出し</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>All hotels</source>
        <translation>全ホテル</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Office (no hotel)</source>
        <translation>事務局（ホテル以外）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Shift report: %1, %2</source>
        <translation>シフトレポート: %1、%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Day report: %1</source>
        <translation>日次レポート: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stays posted</source>
        <translation>宿泊の計上</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 (%2 nights credited)</source>
        <translation>%1件（宿泊数 %2泊を加算）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restaurant and bar bills posted</source>
        <translation>レストラン・バーの計上</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+30"/>
        <source>Points issued</source>
        <translation>付与ポイント</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>%1 (base %2, bonus %3)</source>
        <translation>%1（基本 %2、ボーナス %3）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New members</source>
        <translation>新規会員</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awards redeemed</source>
        <translation>特典交換</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <location line="+2"/>
        <source>%1 (%2 points)</source>
        <translation>%1件（%2ポイント）</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>%1 (%2, %3 points)</source>
        <translation>%1件（%2、%3ポイント）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adjustments</source>
        <translation>ポイント調整</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reversals and voids</source>
        <translation>計上・交換の取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+20"/>
        <location line="+46"/>
        <source>Refusals</source>
        <translation>受付できなかった操作</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Stays</source>
        <translation>宿泊</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bills</source>
        <translation>料飲</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bonus</source>
        <translation>ボーナス</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Award points</source>
        <translation>特典ポイント</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adjusted</source>
        <translation>調整</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reversed</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Terminal %1</source>
        <translation>端末 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · made %2 by %3</source>
        <translation>%1 · %2 作成（%3）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+25"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Figures</source>
        <translation>件数・ポイント</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Awards and Pay by Points</source>
        <translation>特典交換とポイント払い</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Award</source>
        <translation>特典</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Redemptions</source>
        <translation>交換件数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+14"/>
        <source>Points</source>
        <translation>ポイント</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Yen</source>
        <translation>金額</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+12"/>
        <source>Clerk</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>By clerk</source>
        <translation>担当者別</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Terminal</source>
        <translation>端末</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By terminal</source>
        <translation>端末別</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hotel</source>
        <translation>ホテル</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By hotel</source>
        <translation>ホテル別</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adjustments and reversals</source>
        <translation>ポイント調整と取消</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Time (UTC)</source>
        <translation>時刻（UTC）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Member no.</source>
        <translation>会員番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+7"/>
        <source>None.</source>
        <translation>なし</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refused because</source>
        <translation>受付できなかった理由</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Times</source>
        <translation>回数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ledger chain head</source>
        <translation>台帳チェーンヘッド</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This database keeps no hash chain of the ledger.</source>
        <translation>このデータベースには台帳のハッシュチェーンがありません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>recorded when the night audit closed the day</source>
        <translation>ナイトオーディットで営業日を締めたときの記録</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>now: the day is not closed yet</source>
        <translation>現時点（営業日はまだ締められていません）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 entries, %2</source>
        <translation>%1件、%2</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/reset_password_dialog.py" line="+15"/>
        <source>&amp;Set password</source>
        <translation>パスワードを設定(&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;New password</source>
        <translation>新しいパスワード(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the clerk, then type their new password twice. Tell it to them in person; they can change it under Desk ▸ Change password.</source>
        <translation>スタッフを選び、新しいパスワードを2回入力してください。パスワードはご本人に直接伝えてください。ご本人は「端末 ▸ パスワード変更」で自分のパスワードに変更できます。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reset a clerk&apos;s password</source>
        <translation>スタッフのパスワード再設定</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/restore_dialog.py" line="+19"/>
        <source>Choose the backup</source>
        <translation>バックアップの選択</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database backup (*.sqlite3 *.db);;All files (*)</source>
        <translation>データベースのバックアップ (*.sqlite3 *.db);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Restore</source>
        <translation>復元(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore the database from a backup</source>
        <translation>バックアップからデータベースを復元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The whole database is replaced by the backup: everything recorded after the backup was made is gone from it. The current database is saved aside first, and a backup that fails its checks is refused. Afterwards everyone signs in again.</source>
        <translation>データベース全体がバックアップで置き換えられ、バックアップ作成後に記録された内容はすべて失われます。現在のデータベースは先に別に保存され、検証に合格しないバックアップは受け付けません。復元後は全員がサインインし直します。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Bro&amp;wse…</source>
        <translation>参照(&amp;W)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Backup</source>
        <translation>バックアップ(&amp;B)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>I understand that what was recorded after this backup is lost</source>
        <translation>このバックアップ以降の記録が失われることを理解しました</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Choose the backup file to restore.</source>
        <translation>復元するバックアップファイルを選んでください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tick the box to confirm that later records will be lost.</source>
        <translation>それ以降の記録が失われることを確認して、チェックを入れてください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Restored from %1 (%2 ledger entries; chain head %3).
The previous database is kept as %4.</source>
        <translation>%1 から復元しました（台帳記録 %2 件、チェーンの末尾 %3）。
以前のデータベースは %4 として保存されています。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sign in again</source>
        <translation>サインインし直す</translation>
    </message>
</context>
<context>
    <name>ReverseDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/reverse_dialog.py" line="+24"/>
        <source>&amp;Reverse</source>
        <translation>取り消す(&amp;R)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reverse an entry — %1</source>
        <translation>計上の取消 — %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Working out what reversing it would do…</source>
        <translation>取り消した場合の内容を確認しています…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>why, for the record (required)</source>
        <translation>記録に残す理由（必須）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Reason</source>
        <translation>理由(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The entry stays in the history, marked reversed; the reversal is an entry of its own that names it.</source>
        <translation>元の記録は「取消済み」として履歴に残り、取消はその記録を示す別の記録になります。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A supervisor approves a reversal: after Reverse, a supervisor signs in here.</source>
        <translation>取消には責任者の承認が必要です。「取り消す」の後、責任者がここでサインインします。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 points</source>
        <translation>%1ポイント</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>1 night</source>
        <translation>1泊</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 nights</source>
        <translation>%1泊</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Takes %1 out of the tier figures.</source>
        <translation>ステータス集計から%1を除きます。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Companion %1: %2 out too.</source>
        <translation>同行者 %1: %2も除きます。</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Takes back %1 points; the balance after is %2 points.</source>
        <translation>%1ポイントを差し引きます。取消後の残高は%2ポイントです。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gives back %1 points, with their own expiry dates; the balance after is %2 points.</source>
        <translation>%1ポイントを元の有効期限のまま戻します。取消後の残高は%2ポイントです。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 status of %2 (until %3) is cancelled from %4.</source>
        <translation>%2の%1ステータス（%3まで）は%4から取り消されます。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Folio or check %1 is free again for the right posting.</source>
        <translation>フォリオ・伝票番号 %1 は正しい計上のために再び使えるようになります。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to take back.</source>
        <translation>差し引くものはありません。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Write the reason for the reversal: it is kept with the entry.</source>
        <translation>取消の理由を入力してください。記録と一緒に保存されます。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reversing this entry</source>
        <translation>この記録の取消</translation>
    </message>
</context>
<context>
    <name>ReviewBar</name>
    <message>
        <location filename="../../desk_app/ui/review.py" line="+45"/>
        <source>Enter: post it  ·  Esc: back to the form</source>
        <translation>Enter: 計上する  ·  Esc: 入力に戻る</translation>
    </message>
</context>
<context>
    <name>ScanCatcher</name>
    <message>
        <location filename="../../desk_app/ui/scanner.py" line="+238"/>
        <source>A card was scanned. Close this window first (Esc), then scan the card again.</source>
        <translation>カードが読み取られました。先にこの画面を閉じて (Esc)、もう一度カードを読み取ってください。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/settings_dialog.py" line="+18"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Desk settings</source>
        <translation>端末設定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>These settings belong to this computer.</source>
        <translation>この設定はこのコンピューターだけに適用されます。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database: %1</source>
        <translation>データベース: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source> minutes</source>
        <translation> 分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never</source>
        <translation>ロックしない</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Family name first: YAMADA Taro</source>
        <translation>姓が先: YAMADA Taro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given name first: Taro Yamada</source>
        <translation>名が先: Taro Yamada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How the romanised name is printed on membership cards</source>
        <translation>会員カードに印字するローマ字氏名の順序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hotel</source>
        <translation>ホテル(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Terminal code</source>
        <translation>端末コード(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lock the desk after</source>
        <translation>自動ロックまでの時間(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name on the card</source>
        <translation>カードの氏名表記(&amp;N)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Give this terminal a short code, such as FRONT-1.</source>
        <translation>この端末の短いコードを入力してください（例: FRONT-1）。</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/setup_dialog.py" line="+55"/>
        <location line="+116"/>
        <source>Create the desk</source>
        <translation>作成する</translation>
    </message>
    <message>
        <location line="-114"/>
        <source>Set up Harmony Desk</source>
        <translation>Harmony Desk のセットアップ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Welcome. This creates the database for this desk and the first supervisor account. You can load demo data to try every screen at once.</source>
        <translation>ようこそ。この端末で使うデータベースと、最初の責任者アカウントを作成します。デモデータを読み込むと、すべての画面をすぐにお試しいただけます。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Database and desk</source>
        <translation>データベースと端末</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>An embedded SQLite file in your data folder, or a PostgreSQL URL.</source>
        <translation>データフォルダー内の SQLite ファイル、または PostgreSQL の URL です。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Data&amp;base</source>
        <translation>データベース(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;rogram</source>
        <translation>プログラム(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hotel</source>
        <translation>ホテル(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Terminal code</source>
        <translation>端末コード(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First supervisor</source>
        <translation>最初の責任者</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. sato.h</source>
        <translation>例: sato.h</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>at least 8 characters</source>
        <translation>8文字以上</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clerk &amp;ID</source>
        <translation>スタッフID(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name</source>
        <translation>氏名(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password</source>
        <translation>パスワード(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Confirm password</source>
        <translation>パスワード（確認）(&amp;C)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Load &amp;demo data:</source>
        <translation>デモデータを読み込む(&amp;D):</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> fictional members with history</source>
        <translation> 名の架空の会員（履歴付き）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Demo members: %v of %m</source>
        <translation>デモ会員: %v / %m</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The two passwords are not the same. Type them again.</source>
        <translation>2つのパスワードが一致しません。もう一度入力してください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Give this terminal a short code, such as FRONT-1.</source>
        <translation>この端末の短いコードを入力してください（例: FRONT-1）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Creating…</source>
        <translation>作成中…</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/sign_in_dialog.py" line="+17"/>
        <location line="+3"/>
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Desk locked</source>
        <translation>画面ロック中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The desk is locked. Sign in to continue; another clerk may sign in too.</source>
        <translation>画面はロックされています。続けるにはサインインしてください。別のスタッフもサインインできます。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in with your clerk ID and password.</source>
        <translation>スタッフIDとパスワードでサインインしてください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 at %2</source>
        <translation>%2（%1）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Clerk &amp;ID</source>
        <translation>スタッフID(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password</source>
        <translation>パスワード(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit the desk</source>
        <translation>Harmony Desk を終了</translation>
    </message>
</context>
<context>
    <name>StayDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/stay_dialog.py" line="+33"/>
        <source>&amp;Post stay</source>
        <translation>付与する(&amp;P)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Post claim</source>
        <translation>事後登録する(&amp;P)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Missing-stay claim — %1</source>
        <translation>宿泊の事後登録 — %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Post stay — %1</source>
        <translation>宿泊ポイント付与 — %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A stay the member forgot to have credited. Claims are accepted within 6 months of the check-out date.</source>
        <translation>付与されていない過去の宿泊を登録します。事後登録はチェックアウト日から6か月以内に限り受け付けます。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Post the folio at checkout. Points go to the member who paid; companions who are members get the nights.</source>
        <translation>チェックアウト時にフォリオを登録します。ポイントはお支払いの会員に、宿泊数は同室の会員にも付与されます。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Nights: check-in moves back from check-out</source>
        <translation>泊数: チェックアウト日から逆算してチェックイン日を設定します</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Nights</source>
        <translation>泊数(&amp;N)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Folio number</source>
        <translation>フォリオ番号(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stay</source>
        <translation>宿泊(&amp;S)</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Type the room charge to see the points.</source>
        <translation>客室料金を入力すると付与ポイントが表示されます。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This stay earns %1 points + %2 bonus = %3 points, and %4.</source>
        <translation>この宿泊の付与ポイント: %1 + ボーナス %2 = %3ポイント、%4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 night</source>
        <translation>1泊</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 nights</source>
        <translation>%1泊</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Posted: %1 points + %2 bonus, %3. New balance %4 points.</source>
        <translation>付与しました: %1ポイント + ボーナス %2ポイント、%3。新しい残高は %4ポイントです。</translation>
    </message>
    <message>
        <location line="-160"/>
        <source>&amp;Booking channel</source>
        <translation>予約経路(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rate plan</source>
        <translation>料金プラン(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Charges on the folio (%1)</source>
        <translation>フォリオの明細（%1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Companions in the room who are members</source>
        <translation>同室の会員</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>member number, e-mail or phone, then Add</source>
        <translation>会員番号・メール・電話番号を入力して「追加」</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add</source>
        <translation>追加(&amp;A)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Delete removes the selected companion</source>
        <translation>Delete キーで選択した同室者を外します</translation>
    </message>
    <message>
        <location line="-60"/>
        <location line="+114"/>
        <source>check-in date</source>
        <translation>チェックイン日</translation>
    </message>
    <message>
        <location line="-112"/>
        <location line="+113"/>
        <source>check-out date</source>
        <translation>チェックアウト日</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>No member found for “%1”.</source>
        <translation>「%1」に該当する会員は見つかりません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Several members match “%1”: use the member number.</source>
        <translation>「%1」に該当する会員が複数います。会員番号で指定してください。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Nights also credited to: %1</source>
        <translation>宿泊数を次の会員にも付与しました: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Folio</source>
        <translation>フォリオ番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stay</source>
        <translation>宿泊期間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points</source>
        <translation>ポイント</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bonus</source>
        <translation>ボーナス</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nights</source>
        <translation>泊数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance</source>
        <translation>残高</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Points receipt</source>
        <translation>ポイント明細</translation>
    </message>
</context>
<context>
    <name>SupervisorOverrideDialog</name>
    <message>
        <location filename="../../desk_app/ui/supervisor_override.py" line="+26"/>
        <source>&amp;Approve</source>
        <translation>承認する(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Supervisor approval</source>
        <translation>責任者の承認</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 needs a supervisor. A supervisor signs in here to approve it; the entry records %2 and the supervisor.</source>
        <translation>%1には責任者の承認が必要です。責任者がここでサインインして承認します。記録には%2と責任者の両方が残ります。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Supervisor &amp;ID</source>
        <translation>責任者ID(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password</source>
        <translation>パスワード(&amp;P)</translation>
    </message>
</context>
<context>
    <name>UnlockClerkDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/unlock_clerk_dialog.py" line="+13"/>
        <source>&amp;Unlock</source>
        <translation>ロック解除(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Five wrong passwords lock an account for 15 minutes. Choose the clerk to unlock now.</source>
        <translation>パスワードを5回間違えると、アカウントは15分間ロックされます。今すぐロックを解除するスタッフを選んでください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unlock a clerk</source>
        <translation>スタッフのロック解除</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/withdraw_dialog.py" line="+18"/>
        <source>Re&amp;voke membership</source>
        <translation>資格を取り消す(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close membership</source>
        <translation>会員資格を終了(&amp;C)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close membership — %1</source>
        <translation>会員資格の終了 — %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revoke membership — %1</source>
        <translation>会員資格の取消 — %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The office revokes the membership (disqualification, or no stay and no points for 36 months): all %1 points are cancelled, and a new registration with this e-mail is refused unless a supervisor re-admits it. This cannot be undone.</source>
        <translation>事務局が会員資格を取り消します（資格はく奪、または36か月間宿泊もポイントもない場合）。%1ポイントはすべて失効し、このメールアドレスでの新規登録は責任者が再入会を認めない限りお断りします。元に戻すことはできません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The membership closes and all %1 points are cancelled. This cannot be undone.</source>
        <translation>会員資格を終了し、%1ポイントをすべて取り消します。この操作は元に戻せません。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>why, for the record (required)</source>
        <translation>記録に残す理由（必須）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I understand the points cannot be given back</source>
        <translation>ポイントを元に戻せないことを理解しました</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reason</source>
        <translation>理由(&amp;R)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Write the reason for the revocation: it is kept with the membership.</source>
        <translation>資格取消の理由を入力してください。会員記録と一緒に保存されます。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tick the box to confirm that the points will be cancelled.</source>
        <translation>ポイントが取り消されることを確認し、チェックを入れてください。</translation>
    </message>
</context>
</TS>
