<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_GB">
  <context>
    <name>AnnotationEditor</name>
    <message>
      <source>{meaning} ({n} in the text)</source>
      <translation>{meaning} ({n} в тексте)</translation>
    </message>
    <message>
      <source>Write a note — it is saved as you type</source>
      <translation>Напишите заметку — она сохраняется по мере ввода</translation>
    </message>
    <message>
      <source>&amp;Note</source>
      <translation>&amp;Заметка</translation>
    </message>
    <message>
      <source>Tags, separated by commas: sanctions, China</source>
      <translation>Метки через запятую: санкции, Китай</translation>
    </message>
    <message>
      <source>&amp;Tags</source>
      <translation>&amp;Метки</translation>
    </message>
    <message>
      <source>Close (Esc, Ctrl+Enter); everything is saved already</source>
      <translation>Закрыть (Esc, Ctrl+Enter); всё уже сохранено</translation>
    </message>
    <message>
      <source>Typing…</source>
      <translation>Ввод…</translation>
    </message>
    <message>
      <source>Saved</source>
      <translation>Сохранено</translation>
    </message>
    <message>
      <source>Tags saved: {tags}</source>
      <translation>Метки сохранены: {tags}</translation>
    </message>
    <message>
      <source>No tags</source>
      <translation>Меток нет</translation>
    </message>
    <message>
      <source>Colour saved</source>
      <translation>Цвет сохранён</translation>
    </message>
    <message>
      <source>Note on highlight</source>
      <translation>Заметка к выделению</translation>
    </message>
    <message>
      <source>Note on paragraph {number}</source>
      <translation>Заметка к абзацу {number}</translation>
    </message>
    <message>
      <source>Note on the whole transcript</source>
      <translation>Заметка ко всей стенограмме</translation>
    </message>
    <message>
      <source>(new)</source>
      <translation>(новая)</translation>
    </message>
  </context>
  <context>
    <name>AnnotationImportRun</name>
    <message>
      <source>Annotation files (*.json *.jsonld);;All files (*)</source>
      <translation>Файлы пометок (*.json *.jsonld);;Все файлы (*)</translation>
    </message>
    <message>
      <source>Importing the annotations in {file}…</source>
      <translation>Импорт пометок из {file}…</translation>
    </message>
    <message>
      <source>Importing annotations</source>
      <translation>Импорт пометок</translation>
    </message>
    <message>
      <source>{file}: 1 annotation ({format})</source>
      <translation>{file}: 1 пометка ({format})</translation>
    </message>
    <message>
      <source>{file}: {count} annotations ({format})</source>
      <translation>{file}: пометок — {count} ({format})</translation>
    </message>
    <message>
      <source>{count} added</source>
      <translation>добавлено: {count}</translation>
    </message>
    <message>
      <source>, {count} of them as orphans (their text was not found)</source>
      <translation>, из них без привязки: {count} (их текст не найден)</translation>
    </message>
    <message>
      <source>{count} already present</source>
      <translation>уже были: {count}</translation>
    </message>
    <message>
      <source>{count} unmatched: kept until their transcript is in the library</source>
      <translation>без стенограммы: {count} — хранятся, пока их стенограмма не появится в библиотеке</translation>
    </message>
    <message>
      <source>{count} waiting from before, attached now</source>
      <translation>ожидавших ранее и привязанных сейчас: {count}</translation>
    </message>
    <message>
      <source>{count} in the first colour (the legend has no room for theirs)</source>
      <translation>в первом цвете: {count} (в легенде нет места для их цветов)</translation>
    </message>
    <message>
      <source>{count} skipped (neither a quote nor a note)</source>
      <translation>пропущено: {count} (ни цитаты, ни заметки)</translation>
    </message>
    <message>
      <source>{added} bookmarks added, {present} already present</source>
      <translation>закладок добавлено: {added}, уже было: {present}</translation>
    </message>
    <message>
      <source>Annotations imported</source>
      <translation>Пометки импортированы</translation>
    </message>
    <message>
      <source>The transcripts these annotations belong to, not in the library yet:</source>
      <translation>Стенограммы, к которым относятся эти пометки и которых ещё нет в библиотеке:</translation>
    </message>
    <message>
      <source>Annotations not imported</source>
      <translation>Пометки не импортированы</translation>
    </message>
    <message>
      <source>The annotations in {file} could not be imported.</source>
      <translation>Не удалось импортировать пометки из {file}.</translation>
    </message>
    <message>
      <source>Nothing in the library was changed.</source>
      <translation>В библиотеке ничего не изменилось.</translation>
    </message>
  </context>
  <context>
    <name>AnnotationsBrowser</name>
    <message>
      <source>undated</source>
      <translation>без даты</translation>
    </message>
    <message>
      <source>All annotations</source>
      <translation>Все пометки</translation>
    </message>
    <message>
      <source>Filter by words in the quote, note, tags or title</source>
      <translation>Фильтр по словам цитаты, заметки, меток или названия</translation>
    </message>
    <message>
      <source>Document date</source>
      <translation>Дата документа</translation>
    </message>
    <message>
      <source>Last change</source>
      <translation>Последнее изменение</translation>
    </message>
    <message>
      <source>&amp;From</source>
      <translation>&amp;С</translation>
    </message>
    <message>
      <source>&amp;to</source>
      <translation>&amp;по</translation>
    </message>
    <message>
      <source>&amp;Orphans only</source>
      <translation>Только &amp;без привязки</translation>
    </message>
    <message>
      <source>Annotations whose text was not found after a re-import</source>
      <translation>Пометки, чей текст не найден после повторного импорта</translation>
    </message>
    <message>
      <source>By document date</source>
      <translation>По дате документа</translation>
    </message>
    <message>
      <source>By last change</source>
      <translation>По последнему изменению</translation>
    </message>
    <message>
      <source>&amp;Go to annotation</source>
      <translation>&amp;Перейти к пометке</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Закрыть</translation>
    </message>
    <message>
      <source>&amp;Colour</source>
      <translation>&amp;Цвет</translation>
    </message>
    <message>
      <source>T&amp;ag</source>
      <translation>М&amp;етка</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>&amp;Язык</translation>
    </message>
    <message>
      <source>&amp;Document</source>
      <translation>&amp;Документ</translation>
    </message>
    <message>
      <source>Any colour</source>
      <translation>Любой цвет</translation>
    </message>
    <message>
      <source>Any tag</source>
      <translation>Любая метка</translation>
    </message>
    <message>
      <source>Any language</source>
      <translation>Любой язык</translation>
    </message>
    <message>
      <source>Any document</source>
      <translation>Любой документ</translation>
    </message>
  </context>
  <context>
    <name>AnnotationsController</name>
    <message>
      <source>Change the colour legend</source>
      <translation>Изменить легенду цветов</translation>
    </message>
    <message>
      <source>Your note on this transcript (Shift+N edits it)</source>
      <translation>Ваша заметка к этой стенограмме (Shift+N — изменить)</translation>
    </message>
    <message>
      <source>Annotations</source>
      <translation>Пометки</translation>
    </message>
    <message>
      <source>Open a transcript first.</source>
      <translation>Сначала откройте стенограмму.</translation>
    </message>
    <message>
      <source>H now highlights as: {meaning}</source>
      <translation>H теперь выделяет как: {meaning}</translation>
    </message>
    <message>
      <source>Select text in the transcript first: F6 moves the focus to it.</source>
      <translation>Сначала выделите текст в стенограмме: F6 переводит фокус туда.</translation>
    </message>
    <message>
      <source>Already highlighted as: {meaning}</source>
      <translation>Уже выделено как: {meaning}</translation>
    </message>
    <message>
      <source>Change the colour</source>
      <translation>Изменить цвет</translation>
    </message>
    <message>
      <source>Select some text first: Shift+arrows, Ctrl+Shift+arrows by word, P for the paragraph.</source>
      <translation>Сначала выделите текст: Shift+стрелки, Ctrl+Shift+стрелки по словам, P — абзац.</translation>
    </message>
    <message>
      <source>Highlight “{quote}”</source>
      <translation>Выделение «{quote}»</translation>
    </message>
    <message>
      <source>Highlighted as: {meaning} — N adds a note, Ctrl+Z undoes</source>
      <translation>Выделено как: {meaning} — N добавляет заметку, Ctrl+Z отменяет</translation>
    </message>
    <message>
      <source>The legend has {count} colours, so {n} picks none: add colours with Annotate ▸ Colour legend…</source>
      <translation>В легенде цветов: {count}, поэтому {n} ничего не выбирает: добавьте цвета в Пометки ▸ Легенда цветов…</translation>
    </message>
    <message>
      <source>Put the caret on a highlight, or select text, to tag it.</source>
      <translation>Поставьте курсор на выделение или выделите текст, чтобы добавить метку.</translation>
    </message>
    <message>
      <source>Not saved: </source>
      <translation>Не сохранено: </translation>
    </message>
    <message>
      <source>Add a note</source>
      <translation>Добавить заметку</translation>
    </message>
    <message>
      <source>Edit a note</source>
      <translation>Изменить заметку</translation>
    </message>
    <message>
      <source>Write the note first: tags belong to a note or a highlight.</source>
      <translation>Сначала напишите заметку: метки относятся к заметке или выделению.</translation>
    </message>
    <message>
      <source>Edit the tags</source>
      <translation>Изменить метки</translation>
    </message>
    <message>
      <source>Write the note first.</source>
      <translation>Сначала напишите заметку.</translation>
    </message>
    <message>
      <source>Remove a note</source>
      <translation>Удалить заметку</translation>
    </message>
    <message>
      <source>Bookmark</source>
      <translation>Закладка</translation>
    </message>
    <message>
      <source>Bookmarked paragraph {n} — B again removes it</source>
      <translation>Закладка на абзаце {n} — повторное B её снимает</translation>
    </message>
    <message>
      <source>Remove the bookmark</source>
      <translation>Снять закладку</translation>
    </message>
    <message>
      <source>Bookmark on paragraph {n} removed — Ctrl+Z brings it back</source>
      <translation>Закладка на абзаце {n} снята — Ctrl+Z вернёт её</translation>
    </message>
    <message>
      <source>Bookmark removed — Ctrl+Z brings it back</source>
      <translation>Закладка снята — Ctrl+Z вернёт её</translation>
    </message>
    <message>
      <source>There is no annotation under the caret.</source>
      <translation>Под курсором нет пометки.</translation>
    </message>
    <message>
      <source>paragraph note</source>
      <translation>заметка к абзацу</translation>
    </message>
    <message>
      <source>note</source>
      <translation>заметка</translation>
    </message>
    <message>
      <source>highlight</source>
      <translation>выделение</translation>
    </message>
    <message>
      <source>Delete the {what}</source>
      <translation>Удалить: {what}</translation>
    </message>
    <message>
      <source>Deleted the {what} “{quote}” — Ctrl+Z brings it back</source>
      <translation>Удалено ({what}) «{quote}» — Ctrl+Z вернёт</translation>
    </message>
    <message>
      <source>Nothing to undo.</source>
      <translation>Нечего отменять.</translation>
    </message>
    <message>
      <source>Undone: {text}</source>
      <translation>Отменено: {text}</translation>
    </message>
    <message>
      <source>Nothing to redo.</source>
      <translation>Нечего повторять.</translation>
    </message>
    <message>
      <source>Redone: {text}</source>
      <translation>Повторено: {text}</translation>
    </message>
    <message>
      <source>Could not undo or redo this: </source>
      <translation>Не удалось отменить или повторить: </translation>
    </message>
    <message>
      <source>Now highlighted as: {meaning}</source>
      <translation>Теперь выделено как: {meaning}</translation>
    </message>
    <message>
      <source>Select the passage in the text first, then re-attach the orphan to it.</source>
      <translation>Сначала выделите место в тексте, затем привяжите к нему пометку.</translation>
    </message>
    <message>
      <source>Open the orphan's transcript and select the passage there.</source>
      <translation>Откройте стенограмму этой пометки и выделите в ней нужное место.</translation>
    </message>
    <message>
      <source>Re-attach</source>
      <translation>Привязать заново</translation>
    </message>
    <message>
      <source>Re-attached to “{quote}”</source>
      <translation>Привязано к «{quote}»</translation>
    </message>
    <message>
      <source>This annotation's text was not found after the transcript changed: select where it is now and choose Re-attach to selection.</source>
      <translation>Текст этой пометки не найден после изменения стенограммы: выделите, где он теперь, и выберите «Привязать к выделению».</translation>
    </message>
    <message>
      <source>Your note: </source>
      <translation>Ваша заметка: </translation>
    </message>
    <message>
      <source>Colour legend saved</source>
      <translation>Легенда цветов сохранена</translation>
    </message>
    <message>
      <source>Colours</source>
      <translation>Цвета</translation>
    </message>
  </context>
  <context>
    <name>AnnotationsPanel</name>
    <message>
      <source>Bookmark</source>
      <translation>Закладка</translation>
    </message>
    <message>
      <source>Note on the whole transcript</source>
      <translation>Заметка ко всей стенограмме</translation>
    </message>
    <message>
      <source>Legend…</source>
      <translation>Легенда…</translation>
    </message>
    <message>
      <source>What each colour means: edit the colour legend</source>
      <translation>Что означает каждый цвет: изменить легенду</translation>
    </message>
    <message>
      <source>Annotations of this transcript</source>
      <translation>Пометки этой стенограммы</translation>
    </message>
    <message>
      <source>No annotations yet.
Select text (Shift+arrows, P for a paragraph) and press H, or 1–9 for a colour.</source>
      <translation>Пометок пока нет.
Выделите текст (Shift+стрелки, P — абзац) и нажмите H или 1–9 для цвета.</translation>
    </message>
    <message>
      <source>Note on &amp;transcript…</source>
      <translation>Заметка к &amp;стенограмме…</translation>
    </message>
    <message>
      <source>&amp;Re-attach to selection</source>
      <translation>&amp;Привязать к выделению</translation>
    </message>
    <message>
      <source>Select where this passage is now in the text, then re-attach the orphan there</source>
      <translation>Выделите, где этот фрагмент находится теперь, и привяжите к нему пометку</translation>
    </message>
    <message>
      <source>&amp;All annotations…</source>
      <translation>&amp;Все пометки…</translation>
    </message>
    <message>
      <source>H highlights as: {meaning}</source>
      <translation>H выделяет как: {meaning}</translation>
    </message>
    <message>
      <source>{n}: {meaning} — make it the colour of H</source>
      <translation>{n}: {meaning} — сделать цветом для H</translation>
    </message>
  </context>
  <context>
    <name>ArchiveSearch</name>
    <message>
      <source>Searching…</source>
      <translation>Поиск…</translation>
    </message>
    <message>
      <source>No transcript matches this search. Fewer words or filters find more.</source>
      <translation>Ни одна стенограмма не подходит. С меньшим числом слов или фильтров найдётся больше.</translation>
    </message>
    <message>
      <source>No transcript matches this search. Fewer words find more.</source>
      <translation>Ни одна стенограмма не подходит. С меньшим числом слов найдётся больше.</translation>
    </message>
    <message>
      <source>No results</source>
      <translation>Нет результатов</translation>
    </message>
    <message>
      <source>No transcript is open to search in.</source>
      <translation>Не открыта стенограмма, в которой искать.</translation>
    </message>
    <message>
      <source>No hits in this transcript.</source>
      <translation>В этой стенограмме совпадений нет.</translation>
    </message>
    <message>
      <source>Nothing is being searched: Ctrl+F searches the archive, Ctrl+Shift+F this transcript.</source>
      <translation>Поиск не идёт: Ctrl+F ищет по архиву, Ctrl+Shift+F — в этой стенограмме.</translation>
    </message>
    <message>
      <source>Hit {n} of {total}</source>
      <translation>Совпадение {n} из {total}</translation>
    </message>
    <message>
      <source>The search was not saved: {reason}</source>
      <translation>Поиск не сохранён: {reason}</translation>
    </message>
    <message>
      <source>Saved the search “{name}”</source>
      <translation>Поиск «{name}» сохранён</translation>
    </message>
    <message>
      <source>Deleted the saved search “{name}”</source>
      <translation>Сохранённый поиск «{name}» удалён</translation>
    </message>
    <message>
      <source>Save this search</source>
      <translation>Сохранить этот поиск</translation>
    </message>
    <message>
      <source>Name:</source>
      <translation>Название:</translation>
    </message>
    <message>
      <source>Save this search…</source>
      <translation>Сохранить этот поиск…</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Удалить</translation>
    </message>
  </context>
  <context>
    <name>Backups</name>
    <message>
      <source>Library backups (*.sqlite);;All files (*)</source>
      <translation>Резервные копии библиотеки (*.sqlite);;Все файлы (*)</translation>
    </message>
    <message>
      <source>Library backed up: {file}</source>
      <translation>Резервная копия библиотеки создана: {file}</translation>
    </message>
    <message>
      <source>The daily backup failed: {reason}</source>
      <translation>Ежедневная резервная копия не создана: {reason}</translation>
    </message>
    <message>
      <source>A backup is being made.</source>
      <translation>Резервная копия уже создаётся.</translation>
    </message>
    <message>
      <source>Back up the library to</source>
      <translation>Сохранить резервную копию библиотеки в</translation>
    </message>
    <message>
      <source>Not backed up</source>
      <translation>Резервная копия не создана</translation>
    </message>
    <message>
      <source>That is the library itself; choose another file for the backup.</source>
      <translation>Это сама библиотека; выберите для копии другой файл.</translation>
    </message>
    <message>
      <source>Backing up the library…</source>
      <translation>Создаётся резервная копия библиотеки…</translation>
    </message>
    <message>
      <source>Library backed up to {path}</source>
      <translation>Резервная копия библиотеки сохранена в {path}</translation>
    </message>
    <message>
      <source>Library backed up</source>
      <translation>Резервная копия создана</translation>
    </message>
    <message>
      <source>The library was copied to
{path}

To restore it later, close the window and run:</source>
      <translation>Библиотека скопирована в
{path}

Чтобы потом восстановить её, закройте окно и выполните:</translation>
    </message>
  </context>
  <context>
    <name>CalendarHitMarks</name>
    <message>
      <source>{count} with hits</source>
      <translation>{count} с совпадениями</translation>
    </message>
  </context>
  <context>
    <name>CalendarSidebar</name>
    <message>
      <source>1 transcript</source>
      <translation>1 стенограмма</translation>
    </message>
    <message>
      <source>{count} transcripts</source>
      <translation>Стенограмм: {count}</translation>
    </message>
    <message>
      <source>Archive</source>
      <translation>Архив</translation>
    </message>
    <message>
      <source>No transcripts on {day}</source>
      <translation>Нет стенограмм за {day}</translation>
    </message>
  </context>
  <context>
    <name>ContentsPanel</name>
    <message>
      <source>Contents of the transcript</source>
      <translation>Содержание стенограммы</translation>
    </message>
    <message>
      <source>This transcript has no sections or questions to list.</source>
      <translation>В этой стенограмме нет разделов или вопросов для списка.</translation>
    </message>
    <message>
      <source>Answers to media questions</source>
      <translation>Ответы на вопросы СМИ</translation>
    </message>
    <message>
      <source>Questions</source>
      <translation>Вопросы</translation>
    </message>
    <message>
      <source>Topics</source>
      <translation>Темы</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <source>Export annotations</source>
      <translation>Экспорт пометок</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Экспортировать</translation>
    </message>
    <message>
      <source>What to export</source>
      <translation>Что экспортировать</translation>
    </message>
    <message>
      <source>The open transcript</source>
      <translation>Открытая стенограмма</translation>
    </message>
    <message>
      <source>The transcripts selected in the list</source>
      <translation>Стенограммы, выбранные в списке</translation>
    </message>
    <message>
      <source>The transcripts the search found</source>
      <translation>Стенограммы, найденные поиском</translation>
    </message>
    <message>
      <source>Transcripts published between</source>
      <translation>Стенограммы, опубликованные между</translation>
    </message>
    <message>
      <source>The whole library</source>
      <translation>Вся библиотека</translation>
    </message>
    <message>
      <source>No transcript is open.</source>
      <translation>Стенограмма не открыта.</translation>
    </message>
    <message>
      <source>The open transcript: {title}</source>
      <translation>Открытая стенограмма: {title}</translation>
    </message>
    <message>
      <source>No transcript is selected in the list.</source>
      <translation>В списке не выбрана стенограмма.</translation>
    </message>
    <message>
      <source>The transcripts selected in the list ({count})</source>
      <translation>Стенограммы, выбранные в списке ({count})</translation>
    </message>
    <message>
      <source>The transcript selected in the list</source>
      <translation>Стенограмма, выбранная в списке</translation>
    </message>
    <message>
      <source>Search the archive first (Ctrl+F); then its results can be exported.</source>
      <translation>Сначала выполните поиск по архиву (Ctrl+F); затем его результаты можно экспортировать.</translation>
    </message>
    <message>
      <source>{count} found</source>
      <translation>найдено: {count}</translation>
    </message>
    <message>
      <source>its results</source>
      <translation>его результаты</translation>
    </message>
    <message>
      <source>filters only</source>
      <translation>только фильтры</translation>
    </message>
    <message>
      <source>The search results: “{query}” ({found})</source>
      <translation>Результаты поиска: «{query}» ({found})</translation>
    </message>
    <message>
      <source>Every transcript the search “{query}” finds, with its filters</source>
      <translation>Все стенограммы, которые находит поиск «{query}» с его фильтрами</translation>
    </message>
    <message>
      <source>From publication date</source>
      <translation>С даты публикации</translation>
    </message>
    <message>
      <source>To publication date</source>
      <translation>По дату публикации</translation>
    </message>
    <message>
      <source>and</source>
      <translation>и</translation>
    </message>
    <message>
      <source>Only annotations in these colours or with these tags</source>
      <translation>Только пометки этих цветов или с этими метками</translation>
    </message>
    <message>
      <source>Colours to export</source>
      <translation>Цвета для экспорта</translation>
    </message>
    <message>
      <source>Tags to export</source>
      <translation>Метки для экспорта</translation>
    </message>
    <message>
      <source>No tags yet</source>
      <translation>Меток пока нет</translation>
    </message>
    <message>
      <source>Colours (none ticked: all)</source>
      <translation>Цвета (ничего не отмечено — все)</translation>
    </message>
    <message>
      <source>Tags (none ticked: all)</source>
      <translation>Метки (ничего не отмечено — все)</translation>
    </message>
    <message>
      <source>Format</source>
      <translation>Формат</translation>
    </message>
    <message>
      <source>Export format</source>
      <translation>Формат экспорта</translation>
    </message>
    <message>
      <source>Include the other language’s paragraph under each quote</source>
      <translation>Добавлять под каждой цитатой абзац на другом языке</translation>
    </message>
    <message>
      <source>File to export to</source>
      <translation>Файл для экспорта</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Выбрать…</translation>
    </message>
    <message>
      <source>Save to:</source>
      <translation>Сохранить в:</translation>
    </message>
    <message>
      <source>Preview: the first {count} annotations</source>
      <translation>Предпросмотр: первые пометки ({count})</translation>
    </message>
    <message>
      <source>Preview of the export</source>
      <translation>Предпросмотр экспорта</translation>
    </message>
    <message>
      <source>Only Markdown and the web page show the other language.</source>
      <translation>Другой язык показывают только Markdown и веб-страница.</translation>
    </message>
    <message>
      <source>The first date is after the last one.</source>
      <translation>Первая дата позже последней.</translation>
    </message>
    <message>
      <source>Counting…</source>
      <translation>Подсчёт…</translation>
    </message>
    <message>
      <source>Nothing to export: no annotations match.</source>
      <translation>Нечего экспортировать: подходящих пометок нет.</translation>
    </message>
    <message>
      <source>No annotations to export</source>
      <translation>Нет пометок для экспорта</translation>
    </message>
    <message>
      <source>{count} annotations</source>
      <translation>пометок: {count}</translation>
    </message>
    <message>
      <source>{count} transcripts</source>
      <translation>Стенограмм: {count}</translation>
    </message>
    <message>
      <source>1 annotation</source>
      <translation>1 пометка</translation>
    </message>
    <message>
      <source>1 transcript</source>
      <translation>1 стенограмма</translation>
    </message>
    <message>
      <source>{annotations} from {transcripts}</source>
      <translation>{annotations} из стенограмм: {transcripts}</translation>
    </message>
    <message>
      <source>Export annotations to</source>
      <translation>Экспортировать пометки в</translation>
    </message>
    <message>
      <source>All files (*)</source>
      <translation>Все файлы (*)</translation>
    </message>
    <message>
      <source>Replace the file?</source>
      <translation>Заменить файл?</translation>
    </message>
    <message>
      <source>“{file}” exists already in {folder}.</source>
      <translation>«{file}» уже есть в {folder}.</translation>
    </message>
    <message>
      <source>Replacing it overwrites what it holds.</source>
      <translation>Замена перезапишет его содержимое.</translation>
    </message>
    <message>
      <source>Replace</source>
      <translation>Заменить</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Отмена</translation>
    </message>
    <message>
      <source>Reading the annotations…</source>
      <translation>Чтение пометок…</translation>
    </message>
    <message>
      <source>Exporting annotations</source>
      <translation>Экспорт пометок</translation>
    </message>
    <message>
      <source>Exported {done} of {total} annotations…</source>
      <translation>Экспортировано пометок: {done} из {total}…</translation>
    </message>
    <message>
      <source>The export was cancelled; nothing was written.</source>
      <translation>Экспорт отменён; ничего не записано.</translation>
    </message>
  </context>
  <context>
    <name>FindBar</name>
    <message>
      <source>Find in transcript:</source>
      <translation>Найти в стенограмме:</translation>
    </message>
    <message>
      <source>words, "a phrase", prefix*</source>
      <translation>слова, "фраза", начало*</translation>
    </message>
    <message>
      <source>Find in this transcript</source>
      <translation>Найти в этой стенограмме</translation>
    </message>
    <message>
      <source>Previous hit (Shift+F3, Shift+Enter)</source>
      <translation>Предыдущее совпадение (Shift+F3, Shift+Enter)</translation>
    </message>
    <message>
      <source>Previous hit</source>
      <translation>Предыдущее совпадение</translation>
    </message>
    <message>
      <source>Next hit (F3, Enter)</source>
      <translation>Следующее совпадение (F3, Enter)</translation>
    </message>
    <message>
      <source>Next hit</source>
      <translation>Следующее совпадение</translation>
    </message>
    <message>
      <source>Close (Esc)</source>
      <translation>Закрыть (Esc)</translation>
    </message>
    <message>
      <source>Close the find bar</source>
      <translation>Закрыть строку поиска</translation>
    </message>
    <message>
      <source>No hits</source>
      <translation>Совпадений нет</translation>
    </message>
    <message>
      <source>{n} of {total}</source>
      <translation>{n} из {total}</translation>
    </message>
    <message>
      <source>1 hit</source>
      <translation>1 совпадение</translation>
    </message>
    <message>
      <source>{total} hits</source>
      <translation>совпадений: {total}</translation>
    </message>
  </context>
  <context>
    <name>HitHistogram</name>
    <message>
      <source>1 transcript</source>
      <translation>1 стенограмма</translation>
    </message>
    <message>
      <source>{count} transcripts</source>
      <translation>Стенограмм: {count}</translation>
    </message>
    <message>
      <source>Hits per month</source>
      <translation>Совпадения по месяцам</translation>
    </message>
    <message>
      <source>{month}: {count} with hits — click to show the month</source>
      <translation>{month}: {count} с совпадениями — щёлкните, чтобы показать месяц</translation>
    </message>
    <message>
      <source>{month}: no hits</source>
      <translation>{month}: совпадений нет</translation>
    </message>
    <message>
      <source>{count} over {months} months; the most in {month} ({busiest}). Left and Right move, Enter shows.</source>
      <translation>{count} за {months} мес.; больше всего — {month} ({busiest}). Влево и вправо — перемещение, Enter — показать.</translation>
    </message>
    <message>
      <source>No hits</source>
      <translation>Совпадений нет</translation>
    </message>
  </context>
  <context>
    <name>ImportRun</name>
    <message>
      <source>Importing transcripts</source>
      <translation>Импорт стенограмм</translation>
    </message>
    <message>
      <source>Cancelling after the current file…</source>
      <translation>Отмена после текущего файла…</translation>
    </message>
    <message>
      <source>Imported {done} of {total} files…</source>
      <translation>Импортировано файлов: {done} из {total}…</translation>
    </message>
  </context>
  <context>
    <name>LanguageToggle</name>
    <message>
      <source>You are reading the {language} version</source>
      <translation>Вы читаете версию на языке: {language}</translation>
    </message>
    <message>
      <source>Switch to the {language} version (L)</source>
      <translation>Перейти к версии на языке: {language} (L)</translation>
    </message>
    <message>
      <source>Published in {language} on mid.ru, but that version is not in your library</source>
      <translation>Опубликовано на mid.ru на языке «{language}», но этой версии нет в вашей библиотеке</translation>
    </message>
  </context>
  <context>
    <name>LegendEditor</name>
    <message>
      <source>Colour legend</source>
      <translation>Легенда цветов</translation>
    </message>
  </context>
  <context>
    <name>LegendPage</name>
    <message>
      <source>What each highlight colour means to you. The meaning is shown with every highlight and goes with it into exports. Digits 1–9 highlight in these colours.</source>
      <translation>Что для вас означает каждый цвет выделения. Значение показывается с каждым выделением и попадает в экспорт. Цифры 1–9 выделяют этими цветами.</translation>
    </message>
    <message>
      <source>&amp;Add colour</source>
      <translation>&amp;Добавить цвет</translation>
    </message>
    <message>
      <source>The legend holds up to {count} colours (digits 1–9).</source>
      <translation>В легенде не больше {count} цветов (цифры 1–9).</translation>
    </message>
    <message>
      <source>{key} ({hex}): choose another shade</source>
      <translation>{key} ({hex}): выбрать другой оттенок</translation>
    </message>
    <message>
      <source>What {key} means</source>
      <translation>Что означает {key}</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Удалить</translation>
    </message>
    <message>
      <source>1 annotation uses this colour: give it a new meaning instead</source>
      <translation>Этот цвет использует 1 пометка: лучше дайте ему новое значение</translation>
    </message>
    <message>
      <source>{count} annotations use this colour: give it a new meaning instead</source>
      <translation>Этот цвет используют пометки ({count}): лучше дайте ему новое значение</translation>
    </message>
    <message>
      <source>Remove this colour</source>
      <translation>Удалить этот цвет</translation>
    </message>
    <message>
      <source>Press {n} in the text to highlight in {key}</source>
      <translation>Нажмите {n} в тексте, чтобы выделить цветом {key}</translation>
    </message>
    <message>
      <source>Colour for “{key}”</source>
      <translation>Цвет для «{key}»</translation>
    </message>
  </context>
  <context>
    <name>LibraryActions</name>
    <message>
      <source>Exported 1 annotation to {path}</source>
      <translation>1 пометка экспортирована в {path}</translation>
    </message>
    <message>
      <source>Exported {count} annotations to {path}</source>
      <translation>Пометки ({count}) экспортированы в {path}</translation>
    </message>
    <message>
      <source>Annotations are being imported.</source>
      <translation>Пометки уже импортируются.</translation>
    </message>
    <message>
      <source>Import annotations</source>
      <translation>Импорт пометок</translation>
    </message>
    <message>
      <source>Importing the annotations in {file}…</source>
      <translation>Импорт пометок из {file}…</translation>
    </message>
    <message>
      <source>The annotations in {file} were not imported.</source>
      <translation>Пометки из {file} не импортированы.</translation>
    </message>
    <message>
      <source>The library is read-only</source>
      <translation>Библиотека доступна только для чтения</translation>
    </message>
  </context>
  <context>
    <name>LinkVersionsDialog</name>
    <message>
      <source>Link as versions</source>
      <translation>Связать как версии</translation>
    </message>
    <message>
      <source>Choose the transcript that is “{title}” in another language.</source>
      <translation>Выберите стенограмму, которая является «{title}» на другом языке.</translation>
    </message>
    <message>
      <source>Filter by title or date</source>
      <translation>Фильтр по названию или дате</translation>
    </message>
    <message>
      <source>Filter the transcripts</source>
      <translation>Фильтр стенограмм</translation>
    </message>
    <message>
      <source>Transcripts in other languages</source>
      <translation>Стенограммы на других языках</translation>
    </message>
    <message>
      <source>Link</source>
      <translation>Связать</translation>
    </message>
    <message>
      <source>These transcripts cannot be linked</source>
      <translation>Эти стенограммы нельзя связать</translation>
    </message>
    <message>
      <source>Language versions</source>
      <translation>Языковые версии</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>1 transcript</source>
      <translation>1 стенограмма</translation>
    </message>
    <message>
      <source>{count} transcripts</source>
      <translation>Стенограмм: {count}</translation>
    </message>
    <message>
      <source>Import transcripts</source>
      <translation>Импорт стенограмм</translation>
    </message>
    <message>
      <source>Transcripts (*.txt);;All files (*)</source>
      <translation>Стенограммы (*.txt);;Все файлы (*)</translation>
    </message>
    <message>
      <source>Import a folder of transcripts</source>
      <translation>Импорт папки со стенограммами</translation>
    </message>
    <message>
      <source>An import is already running.</source>
      <translation>Импорт уже идёт.</translation>
    </message>
    <message>
      <source>Importing…</source>
      <translation>Импорт…</translation>
    </message>
    <message>
      <source>(and {count} more)</source>
      <translation>(и ещё {count})</translation>
    </message>
    <message>
      <source>Some files were not imported</source>
      <translation>Некоторые файлы не импортированы</translation>
    </message>
    <message>
      <source>Show the details for the reason each file was refused.</source>
      <translation>Причина отказа для каждого файла — в подробностях.</translation>
    </message>
    <message>
      <source>Import failed</source>
      <translation>Импорт не удался</translation>
    </message>
    <message>
      <source>Read mid.ru transcripts offline, in English and Russian.</source>
      <translation>Чтение стенограмм mid.ru без подключения к сети, на английском и русском.</translation>
    </message>
    <message>
      <source>Library: {path}</source>
      <translation>Библиотека: {path}</translation>
    </message>
    <message>
      <source>Licence: MIT (free to use, change and share)</source>
      <translation>Лицензия: MIT (можно свободно использовать, изменять и распространять)</translation>
    </message>
    <message>
      <source>About {app}</source>
      <translation>О программе {app}</translation>
    </message>
    <message>
      <source>Calendar</source>
      <translation>Календарь</translation>
    </message>
    <message>
      <source>Days with transcripts are bold. Arrows move the day; Enter opens its first transcript.</source>
      <translation>Дни со стенограммами выделены жирным. Стрелки меняют день; Enter открывает его первую стенограмму.</translation>
    </message>
    <message>
      <source>Transcripts of the chosen day</source>
      <translation>Стенограммы выбранного дня</translation>
    </message>
    <message>
      <source>Enter opens the transcript</source>
      <translation>Enter открывает стенограмму</translation>
    </message>
    <message>
      <source>Archive by year and month</source>
      <translation>Архив по годам и месяцам</translation>
    </message>
    <message>
      <source>Enter shows the month in the calendar</source>
      <translation>Enter показывает месяц в календаре</translation>
    </message>
    <message>
      <source>All transcripts</source>
      <translation>Все стенограммы</translation>
    </message>
    <message>
      <source>Newest first. J and K open the next and previous; Enter reads</source>
      <translation>Сначала новые. J и K открывают следующую и предыдущую; Enter — читать</translation>
    </message>
    <message>
      <source>Transcript text</source>
      <translation>Текст стенограммы</translation>
    </message>
    <message>
      <source>Your keyboard shortcuts were not read ({error}); using the defaults.</source>
      <translation>Ваши сочетания клавиш не прочитаны ({error}); используются стандартные.</translation>
    </message>
    <message>
      <source>Keys not saved</source>
      <translation>Клавиши не сохранены</translation>
    </message>
    <message>
      <source>The keys apply until you quit, but were not saved: {error}</source>
      <translation>Клавиши действуют до выхода из программы, но не сохранены: {error}</translation>
    </message>
    <message>
      <source>General</source>
      <translation>Общие</translation>
    </message>
    <message>
      <source>Keyboard</source>
      <translation>Клавиатура</translation>
    </message>
    <message>
      <source>No transcripts on {day}</source>
      <translation>Нет стенограмм за {day}</translation>
    </message>
    <message>
      <source>No later day has transcripts</source>
      <translation>Позже дней со стенограммами нет</translation>
    </message>
    <message>
      <source>No earlier day</source>
      <translation>Раньше дней нет</translation>
    </message>
    <message>
      <source>Zoom {percent} %</source>
      <translation>Масштаб {percent} %</translation>
    </message>
    <message>
      <source>The library could not be opened.</source>
      <translation type="vanished">Не удалось открыть библиотеку.</translation>
    </message>
  </context>
  <context>
    <name>NoteEdit</name>
    <message>
      <source>Nothing was pasted: a note can hold up to {limit} characters, and with the pasted text ({pasted} characters) this one would have {length}.</source>
      <translation>Ничего не вставлено: заметка вмещает до {limit} знаков, а со вставленным текстом ({pasted} знаков) в этой было бы {length}.</translation>
    </message>
  </context>
  <context>
    <name>Reading</name>
    <message>
      <source>Reading</source>
      <translation>Чтение</translation>
    </message>
    <message>
      <source>The {language} version is published on mid.ru but is not in your library.</source>
      <translation>Версия на языке «{language}» опубликована на mid.ru, но её нет в вашей библиотеке.</translation>
    </message>
    <message>
      <source>This transcript has no other language version.</source>
      <translation>У этой стенограммы нет версии на другом языке.</translation>
    </message>
    <message>
      <source>This transcript has no speaker turns.</source>
      <translation>В этой стенограмме нет реплик выступающих.</translation>
    </message>
    <message>
      <source>This transcript has no questions.</source>
      <translation>В этой стенограмме нет вопросов.</translation>
    </message>
    <message>
      <source>This transcript has no sections.</source>
      <translation>В этой стенограмме нет разделов.</translation>
    </message>
    <message>
      <source>This is the last turn.</source>
      <translation>Это последняя реплика.</translation>
    </message>
    <message>
      <source>There is no later question.</source>
      <translation>Дальше вопросов нет.</translation>
    </message>
    <message>
      <source>This is the last section.</source>
      <translation>Это последний раздел.</translation>
    </message>
    <message>
      <source>This is the first turn.</source>
      <translation>Это первая реплика.</translation>
    </message>
    <message>
      <source>There is no earlier question.</source>
      <translation>Раньше вопросов нет.</translation>
    </message>
    <message>
      <source>This is the first section.</source>
      <translation>Это первый раздел.</translation>
    </message>
    <message>
      <source>Contents</source>
      <translation>Содержание</translation>
    </message>
    <message>
      <source>Open a transcript to print it.</source>
      <translation>Откройте стенограмму, чтобы её напечатать.</translation>
    </message>
    <message>
      <source>Linked as language versions of one document.</source>
      <translation>Связаны как языковые версии одного документа.</translation>
    </message>
    <message>
      <source>This transcript cannot be unlinked</source>
      <translation>Эту стенограмму нельзя отвязать</translation>
    </message>
    <message>
      <source>Unlinked: this transcript is no longer a version of the others.</source>
      <translation>Отвязано: эта стенограмма больше не версия остальных.</translation>
    </message>
  </context>
  <context>
    <name>ReadingPage</name>
    <message>
      <source>Sans serif (DejaVu Sans, Noto Sans)</source>
      <translation>Без засечек (DejaVu Sans, Noto Sans)</translation>
    </message>
    <message>
      <source>Serif (DejaVu Serif, Noto Serif)</source>
      <translation>С засечками (DejaVu Serif, Noto Serif)</translation>
    </message>
    <message>
      <source>As the system (English or Russian)</source>
      <translation>Как в системе (английский или русский)</translation>
    </message>
    <message>
      <source>A new interface language applies the next time Transcript Reader starts.</source>
      <translation>Новый язык интерфейса вступит в силу при следующем запуске Transcript Reader.</translation>
    </message>
    <message>
      <source>Reading &amp;font:</source>
      <translation>&amp;Шрифт для чтения:</translation>
    </message>
    <message>
      <source>Interface &amp;language:</source>
      <translation>&amp;Язык интерфейса:</translation>
    </message>
  </context>
  <context>
    <name>ResultsView</name>
    <message>
      <source>Search results</source>
      <translation>Результаты поиска</translation>
    </message>
  </context>
  <context>
    <name>SearchFilterBox</name>
    <message>
      <source>This month</source>
      <translation>Этот месяц</translation>
    </message>
    <message>
      <source>This year</source>
      <translation>Этот год</translation>
    </message>
    <message>
      <source>Last 12 months</source>
      <translation>Последние 12 месяцев</translation>
    </message>
    <message>
      <source>Any language</source>
      <translation>Любой язык</translation>
    </message>
    <message>
      <source>English</source>
      <translation>Английский</translation>
    </message>
    <message>
      <source>Russian</source>
      <translation>Русский</translation>
    </message>
    <message>
      <source>Annotated or not</source>
      <translation>С пометками и без</translation>
    </message>
    <message>
      <source>Annotated only</source>
      <translation>Только с пометками</translation>
    </message>
    <message>
      <source>Not annotated</source>
      <translation>Без пометок</translation>
    </message>
    <message>
      <source>from: any date</source>
      <translation>с: любой даты</translation>
    </message>
    <message>
      <source>From date</source>
      <translation>Начальная дата</translation>
    </message>
    <message>
      <source>to: any date</source>
      <translation>по: любую дату</translation>
    </message>
    <message>
      <source>To date</source>
      <translation>Конечная дата</translation>
    </message>
    <message>
      <source>A day (2021-03-22, 22.03.2021), a month (2021-03, март 2021) or a year (2021)</source>
      <translation>День (2021-03-22, 22.03.2021), месяц (2021-03, март 2021) или год (2021)</translation>
    </message>
    <message>
      <source>Only transcripts of {period}</source>
      <translation>Только стенограммы за {period}</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>Язык</translation>
    </message>
    <message>
      <source>Document type</source>
      <translation>Тип документа</translation>
    </message>
    <message>
      <source>Any type</source>
      <translation>Любой тип</translation>
    </message>
    <message>
      <source>speaker: anyone</source>
      <translation>выступающий: любой</translation>
    </message>
    <message>
      <source>Speaker</source>
      <translation>Выступающий</translation>
    </message>
    <message>
      <source>Only what this speaker said counts (part of the name: Lavrov, Лавров)</source>
      <translation>Учитываются только слова этого выступающего (часть имени: Lavrov, Лавров)</translation>
    </message>
    <message>
      <source>place: anywhere</source>
      <translation>место: любое</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>Место</translation>
    </message>
    <message>
      <source>Where it was said, as the title names it (part of the name: Moscow, Москва)</source>
      <translation>Где это было сказано, как указано в названии (часть названия: Moscow, Москва)</translation>
    </message>
    <message>
      <source>Annotations</source>
      <translation>Пометки</translation>
    </message>
    <message>
      <source>Highlight colour</source>
      <translation>Цвет выделения</translation>
    </message>
    <message>
      <source>Only transcripts with a highlight in this colour of your legend</source>
      <translation>Только стенограммы с выделением этого цвета вашей легенды</translation>
    </message>
    <message>
      <source>Any colour</source>
      <translation>Любой цвет</translation>
    </message>
    <message>
      <source>tag: any</source>
      <translation>метка: любая</translation>
    </message>
    <message>
      <source>Tag</source>
      <translation>Метка</translation>
    </message>
    <message>
      <source>Only transcripts with an annotation carrying this tag</source>
      <translation>Только стенограммы с пометкой, у которой есть эта метка</translation>
    </message>
    <message>
      <source>Reset</source>
      <translation>Сбросить</translation>
    </message>
    <message>
      <source>Clear every filter</source>
      <translation>Очистить все фильтры</translation>
    </message>
    <message>
      <source>from</source>
      <translation>с</translation>
    </message>
    <message>
      <source>to</source>
      <translation>по</translation>
    </message>
    <message>
      <source>“{text}” ({which}) is not a date: try 2021-03-22, 03.2021 or 2021.</source>
      <translation>«{text}» ({which}) — не дата: попробуйте 2021-03-22, 03.2021 или 2021.</translation>
    </message>
    <message>
      <source>The “from” date is after the “to” date: nothing can match.</source>
      <translation>Дата «с» позже даты «по»: ничего не найдётся.</translation>
    </message>
    <message>
      <source>annotated</source>
      <translation>с пометками</translation>
    </message>
    <message>
      <source>not annotated</source>
      <translation>без пометок</translation>
    </message>
    <message>
      <source>from {date}</source>
      <translation>с {date}</translation>
    </message>
    <message>
      <source>until {date}</source>
      <translation>до {date}</translation>
    </message>
  </context>
  <context>
    <name>SearchPanel</name>
    <message>
      <source>Most relevant</source>
      <translation>Сначала наиболее подходящие</translation>
    </message>
    <message>
      <source>Newest first</source>
      <translation>Сначала новые</translation>
    </message>
    <message>
      <source>Showing 1 result</source>
      <translation>Показан 1 результат</translation>
    </message>
    <message>
      <source>Showing {count} results</source>
      <translation>Показано результатов: {count}</translation>
    </message>
    <message>
      <source>Search the archive  (Ctrl+F)</source>
      <translation>Поиск по архиву  (Ctrl+F)</translation>
    </message>
    <message>
      <source>Search the archive</source>
      <translation>Поиск по архиву</translation>
    </message>
    <message>
      <source>Words in any form (санкция, sanction), "an exact phrase", prefix*, OR, -exclude, (groups)</source>
      <translation>Слова в любой форме (санкция, sanction), "точная фраза", начало*, OR, -исключить, (группы)</translation>
    </message>
    <message>
      <source>Advanced settings</source>
      <translation>Расширенные настройки</translation>
    </message>
    <message>
      <source>Dates, language, document type, speaker and place</source>
      <translation>Даты, язык, тип документа, выступающий и место</translation>
    </message>
    <message>
      <source>Saved</source>
      <translation>Сохранённые</translation>
    </message>
    <message>
      <source>Save this search, or run a saved one again</source>
      <translation>Сохранить этот поиск или снова выполнить сохранённый</translation>
    </message>
    <message>
      <source>Sort the results</source>
      <translation>Сортировка результатов</translation>
    </message>
    <message>
      <source>Without words to rank by, the newest come first</source>
      <translation>Без слов для ранжирования сначала идут новые</translation>
    </message>
    <message>
      <source>Filters: {summary}</source>
      <translation>Фильтры: {summary}</translation>
    </message>
  </context>
  <context>
    <name>SideBySideView</name>
    <message>
      <source>Uncertain alignment: the versions are structured differently here, so this row is a best guess</source>
      <translation>Сопоставление неточно: здесь версии устроены по-разному, эта строка — лучшее предположение</translation>
    </message>
    <message>
      <source>The versions differ in structure: {count} rows marked {mark} are a best guess.</source>
      <translation>Версии различаются по структуре: строки, отмеченные {mark} ({count}), сопоставлены приблизительно.</translation>
    </message>
  </context>
  <context>
    <name>SpeakerFilterButton</name>
    <message>
      <source>All speakers</source>
      <translation>Все выступающие</translation>
    </message>
    <message>
      <source>Show only</source>
      <translation>Показать только</translation>
    </message>
    <message>
      <source>Dim all but</source>
      <translation>Приглушить всех, кроме</translation>
    </message>
    <message>
      <source>Speakers</source>
      <translation>Выступающие</translation>
    </message>
    <message>
      <source>Show only one speaker's turns, or dim the others</source>
      <translation>Показать реплики только одного выступающего или приглушить остальных</translation>
    </message>
    <message>
      <source>Only {speaker}</source>
      <translation>Только {speaker}</translation>
    </message>
    <message>
      <source>Showing only the turns of {speaker}</source>
      <translation>Показаны только реплики: {speaker}</translation>
    </message>
    <message>
      <source>Dim all but {speaker}</source>
      <translation>Приглушены все, кроме: {speaker}</translation>
    </message>
    <message>
      <source>Turns of other speakers are dimmed</source>
      <translation>Реплики других выступающих приглушены</translation>
    </message>
  </context>
  <context>
    <name>TranscriptList</name>
    <message>
      <source>Date</source>
      <translation>Дата</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>Время</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Название</translation>
    </message>
    <message>
      <source>Languages</source>
      <translation>Языки</translation>
    </message>
  </context>
  <context>
    <name>TranscriptView</name>
    <message>
      <source>No transcript is open.
Import files with File ▸ Import files… (Ctrl+I).</source>
      <translation>Стенограмма не открыта.
Импортируйте файлы: Файл ▸ Импорт файлов… (Ctrl+I).</translation>
    </message>
    <message>
      <source>Interview</source>
      <translation>Интервью</translation>
    </message>
    <message>
      <source>Briefing</source>
      <translation>Брифинг</translation>
    </message>
    <message>
      <source>Remarks and answers</source>
      <translation>Выступление и ответы на вопросы</translation>
    </message>
    <message>
      <source>Answers to questions</source>
      <translation>Ответы на вопросы</translation>
    </message>
    <message>
      <source>Statement</source>
      <translation>Заявление</translation>
    </message>
    <message>
      <source>Comment</source>
      <translation>Комментарий</translation>
    </message>
    <message>
      <source>Article</source>
      <translation>Статья</translation>
    </message>
    <message>
      <source>Speech</source>
      <translation>Выступление</translation>
    </message>
    <message>
      <source>Press release</source>
      <translation>Пресс-релиз</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>Другое</translation>
    </message>
  </context>
  <context>
    <name>Welcome</name>
    <message>
      <source>The sample transcript is missing from this installation.</source>
      <translation>В этой установке нет образца стенограммы.</translation>
    </message>
    <message>
      <source>Where is my library?</source>
      <translation>Где моя библиотека?</translation>
    </message>
    <message>
      <source>Your library is the file</source>
      <translation>Ваша библиотека — это файл</translation>
    </message>
    <message>
      <source>Backups are kept in {folder}.
To move your work to another computer, copy this file while the app is closed.</source>
      <translation>Резервные копии хранятся в {folder}.
Чтобы перенести работу на другой компьютер, скопируйте этот файл, пока программа закрыта.</translation>
    </message>
    <message>
      <source>Open Folder</source>
      <translation>Открыть папку</translation>
    </message>
    <message>
      <source>Copy Path</source>
      <translation>Копировать путь</translation>
    </message>
  </context>
  <context>
    <name>WelcomePanel</name>
    <message>
      <source>Welcome to Transcript Reader</source>
      <translation>Добро пожаловать в Transcript Reader</translation>
    </message>
    <message>
      <source>Read, search and annotate the transcripts of the Russian Foreign Ministry (mid.ru) offline, in English and Russian.</source>
      <translation>Читайте, ищите и размечайте стенограммы МИД России (mid.ru) без подключения к сети, на английском и русском.</translation>
    </message>
    <message>
      <source>Import a folder…</source>
      <translation>Импорт папки…</translation>
    </message>
    <message>
      <source>Import every saved mid.ru transcript (.txt) in a folder and its subfolders</source>
      <translation>Импортировать все сохранённые стенограммы mid.ru (.txt) из папки и её подпапок</translation>
    </message>
    <message>
      <source>Import files…</source>
      <translation>Импорт файлов…</translation>
    </message>
    <message>
      <source>Where is my library?</source>
      <translation>Где моя библиотека?</translation>
    </message>
    <message>
      <source>You can also drop transcript files or folders on this window.</source>
      <translation>Файлы и папки со стенограммами можно также перетащить в это окно.</translation>
    </message>
    <message>
      <source>To see what the app does, start with the sample interview:</source>
      <translation>Чтобы посмотреть, что умеет программа, начните с образца интервью:</translation>
    </message>
    <message>
      <source>Read the sample interview</source>
      <translation>Читать образец интервью</translation>
    </message>
    <message>
      <source>The library is empty. Import saved mid.ru transcripts, or try the sample.</source>
      <translation>Библиотека пуста. Импортируйте сохранённые стенограммы mid.ru или попробуйте образец.</translation>
    </message>
    <message>
      <source>Add the sample interview</source>
      <translation>Добавить образец интервью</translation>
    </message>
  </context>
  <context>
    <name>commands</name>
    <message>
      <source>in a list</source>
      <translation>в списке</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>Сочетания клавиш</translation>
    </message>
    <message>
      <source>Search commands or keys (e.g. “zoom” or “Ctrl+G”)</source>
      <translation>Поиск команд или клавиш (например, «масштаб» или «Ctrl+G»)</translation>
    </message>
    <message>
      <source>Search the keyboard shortcuts</source>
      <translation>Поиск по сочетаниям клавиш</translation>
    </message>
    <message>
      <source>Commands and their keys</source>
      <translation>Команды и их клавиши</translation>
    </message>
    <message>
      <source>Command</source>
      <translation>Команда</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>Клавиши</translation>
    </message>
    <message>
      <source>Letters, digits, brackets and Del act while the focus is not in a text field. Ctrl+K finds any command by name.</source>
      <translation>Буквы, цифры, скобки и Del действуют, когда фокус не в текстовом поле. Ctrl+K находит любую команду по имени.</translation>
    </message>
    <message>
      <source>no key</source>
      <translation>нет клавиши</translation>
    </message>
    <message>
      <source>No command matches “{}”.</source>
      <translation>Нет команд, подходящих под «{}».</translation>
    </message>
    <message>
      <source>Go to {}</source>
      <translation>Перейти к {}</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Дата</translation>
    </message>
    <message>
      <source>Transcript</source>
      <translation>Стенограмма</translation>
    </message>
    <message>
      <source>Type a command, a transcript title or a date…</source>
      <translation>Введите команду, название стенограммы или дату…</translation>
    </message>
    <message>
      <source>Command palette</source>
      <translation>Палитра команд</translation>
    </message>
    <message>
      <source>Matching commands</source>
      <translation>Подходящие команды</translation>
    </message>
    <message>
      <source>Nothing matches “{}”.</source>
      <translation>Ничего не подходит под «{}».</translation>
    </message>
    <message>
      <source>on</source>
      <translation>вкл.</translation>
    </message>
    <message>
      <source>off</source>
      <translation>выкл.</translation>
    </message>
    <message>
      <source>Preferences</source>
      <translation>Настройки</translation>
    </message>
    <message>
      <source>Preference pages</source>
      <translation>Разделы настроек</translation>
    </message>
    <message>
      <source>System (follow the desktop)</source>
      <translation>Системная (как на рабочем столе)</translation>
    </message>
    <message>
      <source>&amp;Theme:</source>
      <translation>&amp;Тема:</translation>
    </message>
    <message>
      <source>Filter by command or key (e.g. “zoom” or “Ctrl+G”)</source>
      <translation>Фильтр по команде или клавише (например, «масштаб» или «Ctrl+G»)</translation>
    </message>
    <message>
      <source>Filter the commands</source>
      <translation>Фильтр команд</translation>
    </message>
    <message>
      <source>Keys of the chosen command</source>
      <translation>Клавиши выбранной команды</translation>
    </message>
    <message>
      <source>Press the new key</source>
      <translation>Нажмите новую клавишу</translation>
    </message>
    <message>
      <source>Press the new key (Esc cancels)…</source>
      <translation>Нажмите новую клавишу (Esc — отмена)…</translation>
    </message>
    <message>
      <source>Add &amp;key…</source>
      <translation>Добавить &amp;клавишу…</translation>
    </message>
    <message>
      <source>&amp;Remove key</source>
      <translation>&amp;Удалить клавишу</translation>
    </message>
    <message>
      <source>C&amp;lear</source>
      <translation>&amp;Очистить</translation>
    </message>
    <message>
      <source>Reset to &amp;default</source>
      <translation>&amp;Сбросить</translation>
    </message>
    <message>
      <source>Key message</source>
      <translation>Сообщение о клавише</translation>
    </message>
    <message>
      <source>Reset all to de&amp;faults</source>
      <translation>Сбросить &amp;все</translation>
    </message>
    <message>
      <source>Commands in bold have keys you changed. Letters and digits act only while the focus is not in a text field.</source>
      <translation>Команды, выделенные жирным, имеют изменённые вами клавиши. Буквы и цифры действуют, только когда фокус не в текстовом поле.</translation>
    </message>
    <message>
      <source>changed</source>
      <translation>изменено</translation>
    </message>
    <message>
      <source>Keys of “{}”</source>
      <translation>Клавиши команды «{}»</translation>
    </message>
    <message>
      <source>none</source>
      <translation>нет</translation>
    </message>
    <message>
      <source>Default</source>
      <translation>По умолчанию</translation>
    </message>
    <message>
      <source>That key cannot be used: {}</source>
      <translation>Эту клавишу нельзя использовать: {}</translation>
    </message>
    <message>
      <source>{} is already a key of this command.</source>
      <translation>{} уже назначена этой команде.</translation>
    </message>
    <message>
      <source>Not added: {}. Choose another key, or remove it from that command first.</source>
      <translation>Не добавлено: {}. Выберите другую клавишу или сначала уберите её у той команды.</translation>
    </message>
    <message>
      <source>{} added.</source>
      <translation>{} добавлена.</translation>
    </message>
    <message>
      <source>{} removed.</source>
      <translation>{} удалена.</translation>
    </message>
    <message>
      <source>No key now: the command stays in its menu and the command palette.</source>
      <translation>Клавиши нет: команда остаётся в своём меню и в палитре команд.</translation>
    </message>
    <message>
      <source>Not reset: {}.</source>
      <translation>Не сброшено: {}.</translation>
    </message>
    <message>
      <source>Back to the default keys.</source>
      <translation>Клавиши по умолчанию восстановлены.</translation>
    </message>
    <message>
      <source>Every command has its default keys again (saved on OK or Apply).</source>
      <translation>Всем командам возвращены клавиши по умолчанию (сохранится по «ОК» или «Применить»).</translation>
    </message>
    <message>
      <source>Not saved: {}.</source>
      <translation>Не сохранено: {}.</translation>
    </message>
    <message>
      <source>and</source>
      <translation>и</translation>
    </message>
    <message>
      <source>{key} is used by {names}</source>
      <translation>{key} используется командой {names}</translation>
    </message>
    <message>
      <source>{key} is already used by {names}</source>
      <translation>{key} уже используется командой {names}</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Файл</translation>
    </message>
    <message>
      <source>Edit</source>
      <translation>Правка</translation>
    </message>
    <message>
      <source>View</source>
      <translation>Вид</translation>
    </message>
    <message>
      <source>Go</source>
      <translation>Переход</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>Поиск</translation>
    </message>
    <message>
      <source>Annotate</source>
      <translation>Пометки</translation>
    </message>
    <message>
      <source>Help</source>
      <translation>Справка</translation>
    </message>
    <message>
      <source>Import files…</source>
      <translation>Импорт файлов…</translation>
    </message>
    <message>
      <source>Import saved mid.ru transcript text files</source>
      <translation>Импортировать сохранённые текстовые файлы стенограмм с mid.ru</translation>
    </message>
    <message>
      <source>Import folder…</source>
      <translation>Импорт папки…</translation>
    </message>
    <message>
      <source>Import every .txt file in a folder and its subfolders</source>
      <translation>Импортировать все файлы .txt из папки и её подпапок</translation>
    </message>
    <message>
      <source>Import annotations…</source>
      <translation>Импорт пометок…</translation>
    </message>
    <message>
      <source>Read annotations from a native JSON or W3C Web Annotation file</source>
      <translation>Прочитать пометки из собственного файла JSON или файла W3C Web Annotation</translation>
    </message>
    <message>
      <source>Export annotations…</source>
      <translation>Экспорт пометок…</translation>
    </message>
    <message>
      <source>Export annotations as Markdown, CSV, JSON-LD, HTML or JSON</source>
      <translation>Экспортировать пометки в Markdown, CSV, JSON-LD, HTML или JSON</translation>
    </message>
    <message>
      <source>Back up library now…</source>
      <translation>Создать резервную копию библиотеки…</translation>
    </message>
    <message>
      <source>Save a copy of the whole library (safe while you work) to a file you choose</source>
      <translation>Сохранить копию всей библиотеки (безопасно во время работы) в выбранный файл</translation>
    </message>
    <message>
      <source>Print…</source>
      <translation>Печать…</translation>
    </message>
    <message>
      <source>Print the open transcript or save it as PDF</source>
      <translation>Напечатать открытую стенограмму или сохранить её в PDF</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>Выход</translation>
    </message>
    <message>
      <source>Quit Transcript Reader</source>
      <translation>Закрыть Transcript Reader</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>Отменить</translation>
    </message>
    <message>
      <source>Undo the last annotation change</source>
      <translation>Отменить последнее изменение пометок</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>Повторить</translation>
    </message>
    <message>
      <source>Redo the annotation change just undone</source>
      <translation>Повторить только что отменённое изменение пометок</translation>
    </message>
    <message>
      <source>Link as versions…</source>
      <translation>Связать как версии…</translation>
    </message>
    <message>
      <source>Link the open transcript with another as language versions of one document</source>
      <translation>Связать открытую стенограмму с другой как языковые версии одного документа</translation>
    </message>
    <message>
      <source>Unlink versions</source>
      <translation>Отвязать версии</translation>
    </message>
    <message>
      <source>Take the open transcript out of its document's language versions</source>
      <translation>Исключить открытую стенограмму из языковых версий её документа</translation>
    </message>
    <message>
      <source>Preferences…</source>
      <translation>Настройки…</translation>
    </message>
    <message>
      <source>Theme, language, reading font and keyboard shortcuts</source>
      <translation>Тема, язык, шрифт для чтения и сочетания клавиш</translation>
    </message>
    <message>
      <source>Sidebar</source>
      <translation>Боковая панель</translation>
    </message>
    <message>
      <source>Show or hide the calendar sidebar</source>
      <translation>Показать или скрыть боковую панель с календарём</translation>
    </message>
    <message>
      <source>Contents</source>
      <translation>Содержание</translation>
    </message>
    <message>
      <source>Show or hide the contents of a briefing</source>
      <translation>Показать или скрыть содержание брифинга</translation>
    </message>
    <message>
      <source>Annotations panel</source>
      <translation>Панель пометок</translation>
    </message>
    <message>
      <source>Show or hide the annotations of the open transcript</source>
      <translation>Показать или скрыть пометки открытой стенограммы</translation>
    </message>
    <message>
      <source>Switch language</source>
      <translation>Сменить язык</translation>
    </message>
    <message>
      <source>Show the other language version, at the same place</source>
      <translation>Показать версию на другом языке на том же месте</translation>
    </message>
    <message>
      <source>Side by side</source>
      <translation>Рядом</translation>
    </message>
    <message>
      <source>Show both language versions in two aligned columns</source>
      <translation>Показать обе языковые версии в двух выровненных колонках</translation>
    </message>
    <message>
      <source>Zoom in</source>
      <translation>Увеличить</translation>
    </message>
    <message>
      <source>Larger reading text</source>
      <translation>Крупнее текст</translation>
    </message>
    <message>
      <source>Zoom out</source>
      <translation>Уменьшить</translation>
    </message>
    <message>
      <source>Smaller reading text</source>
      <translation>Мельче текст</translation>
    </message>
    <message>
      <source>Actual size</source>
      <translation>Исходный размер</translation>
    </message>
    <message>
      <source>Reading text at its normal size</source>
      <translation>Текст обычного размера</translation>
    </message>
    <message>
      <source>Next area</source>
      <translation>Следующая область</translation>
    </message>
    <message>
      <source>Move the focus to the next area: calendar, list, transcript, panels</source>
      <translation>Перевести фокус в следующую область: календарь, список, стенограмма, панели</translation>
    </message>
    <message>
      <source>Previous area</source>
      <translation>Предыдущая область</translation>
    </message>
    <message>
      <source>Move the focus to the previous area</source>
      <translation>Перевести фокус в предыдущую область</translation>
    </message>
    <message>
      <source>Full screen</source>
      <translation>Во весь экран</translation>
    </message>
    <message>
      <source>Fill the screen with the window</source>
      <translation>Развернуть окно на весь экран</translation>
    </message>
    <message>
      <source>Theme: system</source>
      <translation>Тема: системная</translation>
    </message>
    <message>
      <source>Follow the system's light or dark setting</source>
      <translation>Следовать светлой или тёмной настройке системы</translation>
    </message>
    <message>
      <source>Theme</source>
      <translation>Тема</translation>
    </message>
    <message>
      <source>Theme: light</source>
      <translation>Тема: светлая</translation>
    </message>
    <message>
      <source>Use the light theme</source>
      <translation>Светлая тема</translation>
    </message>
    <message>
      <source>Theme: dark</source>
      <translation>Тема: тёмная</translation>
    </message>
    <message>
      <source>Use the dark theme</source>
      <translation>Тёмная тема</translation>
    </message>
    <message>
      <source>Theme: sepia</source>
      <translation>Тема: сепия</translation>
    </message>
    <message>
      <source>Use the sepia theme: warm paper for long reading</source>
      <translation>Тема «сепия»: тёплая бумага для долгого чтения</translation>
    </message>
    <message>
      <source>Next transcript</source>
      <translation>Следующая стенограмма</translation>
    </message>
    <message>
      <source>Open the next transcript in the list</source>
      <translation>Открыть следующую стенограмму в списке</translation>
    </message>
    <message>
      <source>Previous transcript</source>
      <translation>Предыдущая стенограмма</translation>
    </message>
    <message>
      <source>Open the previous transcript in the list</source>
      <translation>Открыть предыдущую стенограмму в списке</translation>
    </message>
    <message>
      <source>Open selected</source>
      <translation>Открыть выбранное</translation>
    </message>
    <message>
      <source>Open what is chosen in a list and move to it: a transcript, a day, an annotation</source>
      <translation>Открыть выбранное в списке и перейти к нему: стенограмму, день, пометку</translation>
    </message>
    <message>
      <source>Next day</source>
      <translation>Следующий день</translation>
    </message>
    <message>
      <source>The next day that has transcripts</source>
      <translation>Следующий день со стенограммами</translation>
    </message>
    <message>
      <source>Previous day</source>
      <translation>Предыдущий день</translation>
    </message>
    <message>
      <source>The previous day that has transcripts</source>
      <translation>Предыдущий день со стенограммами</translation>
    </message>
    <message>
      <source>Next month</source>
      <translation>Следующий месяц</translation>
    </message>
    <message>
      <source>The next month in the calendar</source>
      <translation>Следующий месяц в календаре</translation>
    </message>
    <message>
      <source>Previous month</source>
      <translation>Предыдущий месяц</translation>
    </message>
    <message>
      <source>The previous month in the calendar</source>
      <translation>Предыдущий месяц в календаре</translation>
    </message>
    <message>
      <source>Latest day</source>
      <translation>Последний день</translation>
    </message>
    <message>
      <source>Today, or the latest day that has transcripts</source>
      <translation>Сегодня или последний день со стенограммами</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>Назад</translation>
    </message>
    <message>
      <source>Back to what was open before</source>
      <translation>Вернуться к тому, что было открыто раньше</translation>
    </message>
    <message>
      <source>Forward</source>
      <translation>Вперёд</translation>
    </message>
    <message>
      <source>Forward again after going back</source>
      <translation>Снова вперёд после возврата</translation>
    </message>
    <message>
      <source>Previous turn</source>
      <translation>Предыдущая реплика</translation>
    </message>
    <message>
      <source>Move to the previous speaker's turn</source>
      <translation>К предыдущей реплике</translation>
    </message>
    <message>
      <source>Next turn</source>
      <translation>Следующая реплика</translation>
    </message>
    <message>
      <source>Move to the next speaker's turn</source>
      <translation>К следующей реплике</translation>
    </message>
    <message>
      <source>Previous question</source>
      <translation>Предыдущий вопрос</translation>
    </message>
    <message>
      <source>Move to the previous question</source>
      <translation>К предыдущему вопросу</translation>
    </message>
    <message>
      <source>Next question</source>
      <translation>Следующий вопрос</translation>
    </message>
    <message>
      <source>Move to the next question</source>
      <translation>К следующему вопросу</translation>
    </message>
    <message>
      <source>Previous section</source>
      <translation>Предыдущий раздел</translation>
    </message>
    <message>
      <source>Move to the previous section of a briefing</source>
      <translation>К предыдущему разделу брифинга</translation>
    </message>
    <message>
      <source>Next section</source>
      <translation>Следующий раздел</translation>
    </message>
    <message>
      <source>Move to the next section of a briefing</source>
      <translation>К следующему разделу брифинга</translation>
    </message>
    <message>
      <source>Find in archive</source>
      <translation>Найти в архиве</translation>
    </message>
    <message>
      <source>Search every transcript, in English and Russian</source>
      <translation>Искать во всех стенограммах, на английском и русском</translation>
    </message>
    <message>
      <source>Find in transcript</source>
      <translation>Найти в стенограмме</translation>
    </message>
    <message>
      <source>Search the open transcript only</source>
      <translation>Искать только в открытой стенограмме</translation>
    </message>
    <message>
      <source>Next hit</source>
      <translation>Следующее совпадение</translation>
    </message>
    <message>
      <source>Go to the next place the search matched</source>
      <translation>Перейти к следующему найденному месту</translation>
    </message>
    <message>
      <source>Previous hit</source>
      <translation>Предыдущее совпадение</translation>
    </message>
    <message>
      <source>Go to the previous place the search matched</source>
      <translation>Перейти к предыдущему найденному месту</translation>
    </message>
    <message>
      <source>Leave search</source>
      <translation>Выйти из поиска</translation>
    </message>
    <message>
      <source>Clear the search and its marks</source>
      <translation>Очистить поиск и его отметки</translation>
    </message>
    <message>
      <source>Select paragraph</source>
      <translation>Выделить абзац</translation>
    </message>
    <message>
      <source>Select the paragraph of the caret; again: add the next paragraph</source>
      <translation>Выделить абзац под курсором; ещё раз — добавить следующий абзац</translation>
    </message>
    <message>
      <source>Highlight</source>
      <translation>Выделить цветом</translation>
    </message>
    <message>
      <source>Highlight the selection in the current colour</source>
      <translation>Выделить выбранный текст текущим цветом</translation>
    </message>
    <message>
      <source>Highlight in colour 1</source>
      <translation>Выделить цветом 1</translation>
    </message>
    <message>
      <source>Highlight the selection in colour 1 of the legend</source>
      <translation>Выделить выбранный текст цветом 1 легенды</translation>
    </message>
    <message>
      <source>Highlight in colour</source>
      <translation>Выделить цветом</translation>
    </message>
    <message>
      <source>Highlight in colour 2</source>
      <translation>Выделить цветом 2</translation>
    </message>
    <message>
      <source>Highlight the selection in colour 2 of the legend</source>
      <translation>Выделить выбранный текст цветом 2 легенды</translation>
    </message>
    <message>
      <source>Highlight in colour 3</source>
      <translation>Выделить цветом 3</translation>
    </message>
    <message>
      <source>Highlight the selection in colour 3 of the legend</source>
      <translation>Выделить выбранный текст цветом 3 легенды</translation>
    </message>
    <message>
      <source>Highlight in colour 4</source>
      <translation>Выделить цветом 4</translation>
    </message>
    <message>
      <source>Highlight the selection in colour 4 of the legend</source>
      <translation>Выделить выбранный текст цветом 4 легенды</translation>
    </message>
    <message>
      <source>Highlight in colour 5</source>
      <translation>Выделить цветом 5</translation>
    </message>
    <message>
      <source>Highlight the selection in colour 5 of the legend</source>
      <translation>Выделить выбранный текст цветом 5 легенды</translation>
    </message>
    <message>
      <source>Highlight in colour 6</source>
      <translation>Выделить цветом 6</translation>
    </message>
    <message>
      <source>Highlight the selection in colour 6 of the legend</source>
      <translation>Выделить выбранный текст цветом 6 легенды</translation>
    </message>
    <message>
      <source>Highlight in colour 7</source>
      <translation>Выделить цветом 7</translation>
    </message>
    <message>
      <source>Highlight the selection in colour 7 of the legend</source>
      <translation>Выделить выбранный текст цветом 7 легенды</translation>
    </message>
    <message>
      <source>Highlight in colour 8</source>
      <translation>Выделить цветом 8</translation>
    </message>
    <message>
      <source>Highlight the selection in colour 8 of the legend</source>
      <translation>Выделить выбранный текст цветом 8 легенды</translation>
    </message>
    <message>
      <source>Highlight in colour 9</source>
      <translation>Выделить цветом 9</translation>
    </message>
    <message>
      <source>Highlight the selection in colour 9 of the legend</source>
      <translation>Выделить выбранный текст цветом 9 легенды</translation>
    </message>
    <message>
      <source>Note…</source>
      <translation>Заметка…</translation>
    </message>
    <message>
      <source>Add or edit the note of the highlight, paragraph or transcript</source>
      <translation>Добавить или изменить заметку к выделению, абзацу или стенограмме</translation>
    </message>
    <message>
      <source>Note on transcript…</source>
      <translation>Заметка к стенограмме…</translation>
    </message>
    <message>
      <source>Add or edit your note on the whole transcript</source>
      <translation>Добавить или изменить заметку ко всей стенограмме</translation>
    </message>
    <message>
      <source>Tags…</source>
      <translation>Метки…</translation>
    </message>
    <message>
      <source>Edit the tags of an annotation</source>
      <translation>Изменить метки пометки</translation>
    </message>
    <message>
      <source>Bookmark</source>
      <translation>Закладка</translation>
    </message>
    <message>
      <source>Set or remove a bookmark on the current paragraph</source>
      <translation>Поставить или снять закладку на текущем абзаце</translation>
    </message>
    <message>
      <source>Delete annotation</source>
      <translation>Удалить пометку</translation>
    </message>
    <message>
      <source>Remove the annotation under the caret</source>
      <translation>Удалить пометку под курсором</translation>
    </message>
    <message>
      <source>All annotations…</source>
      <translation>Все пометки…</translation>
    </message>
    <message>
      <source>Every annotation in the library, filtered by words, colour, tag, language and date</source>
      <translation>Все пометки библиотеки с фильтром по словам, цвету, метке, языку и дате</translation>
    </message>
    <message>
      <source>Colour legend…</source>
      <translation>Легенда цветов…</translation>
    </message>
    <message>
      <source>What each highlight colour means: edit the legend</source>
      <translation>Что означает каждый цвет выделения: изменить легенду</translation>
    </message>
    <message>
      <source>Every command with its keys, searchable</source>
      <translation>Все команды с их клавишами, с поиском</translation>
    </message>
    <message>
      <source>Type to find and run any command, open a transcript or go to a date</source>
      <translation>Введите текст, чтобы найти и выполнить команду, открыть стенограмму или перейти к дате</translation>
    </message>
    <message>
      <source>Where is my library?</source>
      <translation>Где моя библиотека?</translation>
    </message>
    <message>
      <source>Show the library file's path and open its folder</source>
      <translation>Показать путь к файлу библиотеки и открыть его папку</translation>
    </message>
    <message>
      <source>About Transcript Reader</source>
      <translation>О программе Transcript Reader</translation>
    </message>
    <message>
      <source>Version and library</source>
      <translation>Версия и библиотека</translation>
    </message>
    <message>
      <source>System</source>
      <translation>Системная</translation>
    </message>
    <message>
      <source>Light</source>
      <translation>Светлая</translation>
    </message>
    <message>
      <source>Dark</source>
      <translation>Тёмная</translation>
    </message>
    <message>
      <source>Sepia</source>
      <translation>Сепия</translation>
    </message>
  </context>
  <context>
    <name>dates</name>
    <message>
      <source>January</source>
      <translation>января</translation>
    </message>
    <message>
      <source>February</source>
      <translation>февраля</translation>
    </message>
    <message>
      <source>March</source>
      <translation>марта</translation>
    </message>
    <message>
      <source>April</source>
      <translation>апреля</translation>
    </message>
    <message>
      <source>May</source>
      <translation>мая</translation>
    </message>
    <message>
      <source>June</source>
      <translation>июня</translation>
    </message>
    <message>
      <source>July</source>
      <translation>июля</translation>
    </message>
    <message>
      <source>August</source>
      <translation>августа</translation>
    </message>
    <message>
      <source>September</source>
      <translation>сентября</translation>
    </message>
    <message>
      <source>October</source>
      <translation>октября</translation>
    </message>
    <message>
      <source>November</source>
      <translation>ноября</translation>
    </message>
    <message>
      <source>December</source>
      <translation>декабря</translation>
    </message>
  </context>
  <context>
    <name>languages</name>
    <message>
      <source>English</source>
      <translation>английский</translation>
    </message>
    <message>
      <source>Russian</source>
      <translation>русский</translation>
    </message>
    <message>
      <source>German</source>
      <translation>немецкий</translation>
    </message>
    <message>
      <source>French</source>
      <translation>французский</translation>
    </message>
    <message>
      <source>Spanish</source>
      <translation>испанский</translation>
    </message>
    <message>
      <source>Chinese</source>
      <translation>китайский</translation>
    </message>
    <message>
      <source>Arabic</source>
      <translation>арабский</translation>
    </message>
    <message>
      <source>Portuguese</source>
      <translation>португальский</translation>
    </message>
  </context>
  <context>
    <name>libraryProblems</name>
    <message>
      <source>Read-only: changes can't be saved</source>
      <translation>Только чтение: изменения нельзя сохранить</translation>
    </message>
    <message>
      <source>This library is open read-only (it is on a read-only disk, or in a folder you cannot write), so nothing can be added or changed. You can still read, search and export.</source>
      <translation>Библиотека открыта только для чтения (она на диске только для чтения или в папке без права записи), поэтому ничего нельзя добавить или изменить. Читать, искать и экспортировать можно.</translation>
    </message>
    <message>
      <source>Transcript Reader libraries (*.sqlite *.db);;All files (*)</source>
      <translation>Библиотеки Transcript Reader (*.sqlite *.db);;Все файлы (*)</translation>
    </message>
    <message>
      <source>The library could not be opened.</source>
      <translation>Не удалось открыть библиотеку.</translation>
    </message>
    <message>
      <source>You can open another library file, or start a new, empty library.</source>
      <translation>Можно открыть другой файл библиотеки или начать новую, пустую библиотеку.</translation>
    </message>
    <message>
      <source>Open Another Library…</source>
      <translation>Открыть другую библиотеку…</translation>
    </message>
    <message>
      <source>Create New Library…</source>
      <translation>Создать новую библиотеку…</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>Выход</translation>
    </message>
    <message>
      <source>Open a library</source>
      <translation>Открыть библиотеку</translation>
    </message>
    <message>
      <source>Create a new library</source>
      <translation>Создать библиотеку</translation>
    </message>
    <message>
      <source>Read-only</source>
      <translation>Только чтение</translation>
    </message>
    <message>
      <source>The library is on a read-only disk or in a folder you cannot write. Reading, searching and exporting work.</source>
      <translation>Библиотека на диске только для чтения или в папке без права записи. Чтение, поиск и экспорт работают.</translation>
    </message>
  </context>
  <context>
    <name>months</name>
    <message>
      <source>January</source>
      <translation>Январь</translation>
    </message>
    <message>
      <source>February</source>
      <translation>Февраль</translation>
    </message>
    <message>
      <source>March</source>
      <translation>Март</translation>
    </message>
    <message>
      <source>April</source>
      <translation>Апрель</translation>
    </message>
    <message>
      <source>May</source>
      <translation>Май</translation>
    </message>
    <message>
      <source>June</source>
      <translation>Июнь</translation>
    </message>
    <message>
      <source>July</source>
      <translation>Июль</translation>
    </message>
    <message>
      <source>August</source>
      <translation>Август</translation>
    </message>
    <message>
      <source>September</source>
      <translation>Сентябрь</translation>
    </message>
    <message>
      <source>October</source>
      <translation>Октябрь</translation>
    </message>
    <message>
      <source>November</source>
      <translation>Ноябрь</translation>
    </message>
    <message>
      <source>December</source>
      <translation>Декабрь</translation>
    </message>
  </context>
  <context>
    <name>printing</name>
    <message>
      <source>Print “{title}”</source>
      <translation>Печать «{title}»</translation>
    </message>
  </context>
</TS>
