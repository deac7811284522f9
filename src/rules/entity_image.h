// The entity image: the entity dictionary and its EntityIndex compiled into one file
// (dictionaries/entities/entities.bin, built by `wirelint models compile` at build time), so
// that start-up reads the entities instead of parsing the TSV files and tokenizing every name.
//
// The image records the name, size and modification time of every .tsv file of the entity
// folder; an image compiled from other files, of another format version, truncated or failing
// its checksum is not used, and the caller loads the sources instead (the result is the same,
// only slower). Layout: magic "WLENTIMG", u32 format version, u32 file count, per file (name,
// u64 size, i64 mtime ns), u64 payload size, u64 checksum, then the payload:
// EntityDictionary::write_image and EntityIndex::write_image (see image/io.h).
#pragma once

#include <memory>
#include <string>

#include "dictionary/entities.h"
#include "rules/entity_index.h"

namespace wirelint::rules {

// Fills the empty `dictionary` from the image at `image` (and freezes it) and returns its index,
// when the image is well formed and compiled from exactly the .tsv files now in `dir`; otherwise
// leaves `dictionary` empty and returns nullptr.
std::unique_ptr<EntityIndex> open_entity_image(const std::string& dir, const std::string& image,
                                               dictionary::EntityDictionary& dictionary);

// Loads the .tsv files of `dir`, indexes them and writes the image to `out` atomically (a
// temporary file renamed over it). Throws dictionary::EntityError on bad sources and ImageError
// when the file cannot be written.
void compile_entity_image(const std::string& dir, const std::string& out);

}  // namespace wirelint::rules
