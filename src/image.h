/* image.h — compiled dictionary images: a loaded dictionary set written as
 * one pointer-free file (magic "DYADDICT", format version, a table of
 * sections given as offsets and counts, a checksum), which dy_dict_load()
 * maps read-only and shared (mmap) instead of parsing text: start-up costs
 * milliseconds and every process coding with the same image shares its
 * pages. The file layout is documented in image.c. Images are tied to the
 * build's struct layouts: a dyad whose layout differs refuses the image
 * (DY_EFORMAT, "recompile it") rather than misreading it. */
#ifndef DY_IMAGE_H
#define DY_IMAGE_H
#include "dict.h"

#define DY_IMAGE_MAGIC "DYADDICT"
#define DY_IMAGE_VERSION 2u

/* Write the loaded set d to path (written to path.tmp, then renamed, so a
 * reader never sees half an image). Returns 0, DY_EIO or DY_ENOMEM. */
int dy_image_write(const dy_dict *d, const char *path);

/* Does the file at path start with the image magic? */
int dy_image_is(const char *path);

/* Map the image at path and return a dictionary set that points into it
 * (free with dy_dict_free). Truncated, corrupted or foreign images give
 * DY_EFORMAT (DY_EIO when the file cannot be read) and the reason is
 * reported through diag (may be NULL). */
int dy_image_load(dy_dict **out, const char *path, dy_dict_diag_fn diag, void *ctx);

/* Release the mapping of a set loaded by dy_image_load (used by
 * dy_dict_free; the caller frees the rest). */
void dy_image_unmap(dy_dict *d);

#endif
