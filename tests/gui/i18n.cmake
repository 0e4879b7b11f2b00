# tst_translationcoverage: every message of translations/*.ts translated, with its placeholders,
# plural forms and accelerators intact (reads the .ts files; needs no station library).
station_add_test(tst_translationcoverage SOURCES tst_translationcoverage.cpp LABELS gui)

# tst_plurals: "%n fixture(s)" reads "1 fixture" / "2 fixtures" with the English plural forms
# (translations/sphere-station_en.ts) installed, and real plurals in German and Chinese.
station_add_test(tst_plurals SOURCES tst_plurals.cpp LIBS station_ui LABELS gui)
