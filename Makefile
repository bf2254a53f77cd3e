# Shortcuts over the CMake build. CMakeLists.txt is the real build.
BUILD   ?= build
JOBS    ?= $(shell nproc)
CMAKE   ?= cmake
# Extra configure flags (the asan/ubsan targets set them).
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo
EXAMPLE ?= examples/iran-jenin.txt
# The example's date (its dateline gives no year) and the sentence explained.
EXAMPLE_DATE ?= 2023-07-04
EXAMPLE_SENTENCE ?= Iran's foreign ministry spokesman strongly condemned \
  Israel's attacks in Jenin on Tuesday and urged the Palestinian groups to \
  stay united.

.PHONY: all deps build demo check bench asan ubsan fuzz install clean

all: build

deps:
	@bash scripts/install-deps.sh

build:
	@$(CMAKE) -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null
	@$(CMAKE) --build $(BUILD) -j$(JOBS)

demo: deps build
	@echo "== $(EXAMPLE)"
	@cat $(EXAMPLE)
	@echo
	@echo "== bede tokens: sentences, story dateline"
	@./$(BUILD)/bede tokens $(EXAMPLE)
	@echo
	@echo "== bede tag: word/TAG/lemma"
	@./$(BUILD)/bede tag $(EXAMPLE)
	@echo
	@echo "== bede phrases: [phrases] and {clauses}"
	@./$(BUILD)/bede phrases $(EXAMPLE)
	@echo
	@echo "== bede code: events (PETRARCH columns: date, source, target, CAMEO"
	@echo "   code, story-sentence, source text, target text, verb)"
	@./$(BUILD)/bede code -q -f petrarch --date $(EXAMPLE_DATE) $(EXAMPLE) \
	  | cut -f1-4,6,8-10
	@echo
	@echo "== bede explain: why each event was or was not made"
	@./$(BUILD)/bede explain --date $(EXAMPLE_DATE) "$(EXAMPLE_SENTENCE)"

check: deps build
	@bash scripts/check.sh $(BUILD) $(JOBS)

bench: deps build
	@bash bench/run.sh $(BUILD)

asan:
	@$(MAKE) --no-print-directory check BUILD=build-asan \
	  CMAKE_FLAGS="-DBEDE_SANITIZE=address,undefined -DCMAKE_BUILD_TYPE=Debug"

ubsan:
	@$(MAKE) --no-print-directory check BUILD=build-ubsan \
	  CMAKE_FLAGS="-DBEDE_SANITIZE=undefined -DCMAKE_BUILD_TYPE=Debug"

fuzz: deps
	@CC=clang $(CMAKE) -S . -B build-fuzz -DBEDE_FUZZ=ON \
	  -DBEDE_SANITIZE=address,undefined -DCMAKE_BUILD_TYPE=Debug >/dev/null
	@$(CMAKE) --build build-fuzz -j$(JOBS) --target fuzz_text fuzz_dict \
	  fuzz_dict_compiled dict-compiled-seeds fuzz_input fuzz_code
	@mkdir -p build-fuzz/corpus build-fuzz/corpus-dict \
	  build-fuzz/corpus-dict-compiled build-fuzz/corpus-input \
	  build-fuzz/corpus-code
	./build-fuzz/fuzz/fuzz_text -max_total_time=$${FUZZ_SECONDS:-60} \
	  -max_len=65536 build-fuzz/corpus fuzz/corpus/text
	./build-fuzz/fuzz/fuzz_dict -max_total_time=$${FUZZ_SECONDS:-60} \
	  -max_len=16384 build-fuzz/corpus-dict fuzz/corpus/dict
	./build-fuzz/fuzz/fuzz_dict_compiled -max_total_time=$${FUZZ_SECONDS:-60} \
	  -max_len=262144 build-fuzz/corpus-dict-compiled \
	  fuzz/corpus/dict-compiled build-fuzz/fuzz/dict-compiled-seeds
	./build-fuzz/fuzz/fuzz_input -max_total_time=$${FUZZ_SECONDS:-60} \
	  -max_len=16384 build-fuzz/corpus-input fuzz/corpus/input
	./build-fuzz/fuzz/fuzz_code -max_total_time=$${FUZZ_SECONDS:-60} \
	  -max_len=65536 build-fuzz/corpus-code fuzz/corpus/text

install: build
	@$(CMAKE) --install $(BUILD)

clean:
	rm -rf build build-asan build-ubsan build-fuzz
