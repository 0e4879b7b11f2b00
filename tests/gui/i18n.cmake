# tst_translationcoverage: every message of translations/*.ts translated, with its placeholders,
# plural forms and accelerators intact (reads the .ts files; needs no station library).
station_add_test(tst_translationcoverage SOURCES tst_translationcoverage.cpp LABELS gui)
