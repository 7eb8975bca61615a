/* A JPEG 2000 codestream (or JP2 file) decoded by OpenJPEG, the whole image or a band of its rows, component 0, to
 * 16-bit samples: the viewer decodes bands of an image on several threads, at full resolution; the build decodes
 * previews at a reduced resolution (each level halves the width and height, and skips that level's code-blocks). */
#include <stdlib.h>
#include <string.h>
#include <emscripten/emscripten.h> /* EMSCRIPTEN_KEEPALIVE: exported from the module */
#include "openjpeg.h"

typedef struct { const unsigned char *data; OPJ_SIZE_T len; OPJ_SIZE_T pos; } source_t;

static OPJ_SIZE_T read_fn(void *buffer, OPJ_SIZE_T n, void *user) {
  source_t *s = (source_t *)user;
  if (s->pos >= s->len) return (OPJ_SIZE_T)-1;
  if (n > s->len - s->pos) n = s->len - s->pos;
  memcpy(buffer, s->data + s->pos, n);
  s->pos += n;
  return n;
}
static OPJ_OFF_T skip_fn(OPJ_OFF_T n, void *user) {
  source_t *s = (source_t *)user;
  if (n < 0) { if ((OPJ_SIZE_T)(-n) > s->pos) n = -(OPJ_OFF_T)s->pos; }
  else if ((OPJ_SIZE_T)n > s->len - s->pos) n = (OPJ_OFF_T)(s->len - s->pos);
  s->pos += n;
  return n;
}
static OPJ_BOOL seek_fn(OPJ_OFF_T n, void *user) {
  source_t *s = (source_t *)user;
  if (n < 0 || (OPJ_SIZE_T)n > s->len) return OPJ_FALSE;
  s->pos = (OPJ_SIZE_T)n;
  return OPJ_TRUE;
}

static char message[512];
static void on_error(const char *msg, void *user) { (void)user; strncpy(message, msg, sizeof message - 1); message[sizeof message - 1] = 0; }
static void quiet(const char *msg, void *user) { (void)msg; (void)user; }

/* width, height and origin of the image; width, height of what was decoded; precision, signedness, components */
static int info[9];

EMSCRIPTEN_KEEPALIVE int *j2k_info(void) { return info; }
EMSCRIPTEN_KEEPALIVE const char *j2k_message(void) { return message; }
EMSCRIPTEN_KEEPALIVE void *j2k_malloc(int n) { return malloc((size_t)n); }
EMSCRIPTEN_KEEPALIVE void j2k_free(void *p) { free(p); }

/* Decodes rows [y0, y1) (the whole height when y1 <= y0) of `data`, `reduce` resolution levels down (0: full
 * resolution; more than the codestream has: as many as it has); returns a malloc'd buffer of 16-bit samples of
 * component 0 (free with j2k_free), or NULL with j2k_message() saying why. */
EMSCRIPTEN_KEEPALIVE void *j2k_decode_rows(const unsigned char *data, int len, int y0, int y1, int reduce) {
  static const unsigned char jp2_signature[12] = {0, 0, 0, 12, 'j', 'P', ' ', ' ', 13, 10, 135, 10};
  source_t source = {data, (OPJ_SIZE_T)len, 0};
  opj_dparameters_t parameters;
  opj_image_t *image = NULL;
  void *out = NULL;
  message[0] = 0;
  opj_codec_t *codec = opj_create_decompress(len >= 12 && memcmp(data, jp2_signature, 12) == 0 ? OPJ_CODEC_JP2 : OPJ_CODEC_J2K);
  opj_stream_t *stream = opj_stream_default_create(OPJ_TRUE);
  opj_set_error_handler(codec, on_error, NULL);
  opj_set_warning_handler(codec, quiet, NULL);
  opj_set_info_handler(codec, quiet, NULL);
  opj_set_default_decoder_parameters(&parameters);
  opj_stream_set_user_data(stream, &source, NULL);
  opj_stream_set_user_data_length(stream, (OPJ_UINT64)len);
  opj_stream_set_read_function(stream, read_fn);
  opj_stream_set_skip_function(stream, skip_fn);
  opj_stream_set_seek_function(stream, seek_fn);
  if (!opj_setup_decoder(codec, &parameters) || !opj_read_header(stream, codec, &image)) goto done;
  info[0] = (int)(image->x1 - image->x0);
  info[1] = (int)(image->y1 - image->y0);
  info[2] = (int)image->x0;
  info[3] = (int)image->y0;
  if (reduce > 0) {
    opj_codestream_info_v2_t *cstr = opj_get_cstr_info(codec);
    int levels = cstr ? (int)cstr->m_default_tile_info.tccp_info[0].numresolutions - 1 : 0;
    if (cstr) opj_destroy_cstr_info(&cstr);
    if (!opj_set_decoded_resolution_factor(codec, (OPJ_UINT32)(reduce < levels ? reduce : levels))) goto done;
  }
  if (y1 > y0 && !opj_set_decode_area(codec, image, (OPJ_INT32)image->x0, (OPJ_INT32)image->y0 + y0, (OPJ_INT32)image->x1, (OPJ_INT32)image->y0 + y1)) goto done;
  if (!opj_decode(codec, stream, image) || !opj_end_decompress(codec, stream)) goto done;
  if (image->numcomps < 1 || image->comps[0].data == NULL) { strcpy(message, "no pixels decoded"); goto done; }
  {
    opj_image_comp_t *c = &image->comps[0];
    size_t n = (size_t)c->w * c->h;
    info[4] = (int)c->w;
    info[5] = (int)c->h;
    info[6] = (int)c->prec;
    info[7] = (int)c->sgnd;
    info[8] = (int)image->numcomps;
    if (c->prec > 16) { strcpy(message, "more than 16 bits per sample"); goto done; }
    out = malloc(n * 2);
    if (!out) { strcpy(message, "out of memory"); goto done; }
    if (c->sgnd) { short *o = out; for (size_t i = 0; i < n; i++) o[i] = (short)c->data[i]; }
    else { unsigned short *o = out; for (size_t i = 0; i < n; i++) o[i] = (unsigned short)c->data[i]; }
  }
done:
  if (!out && message[0] == 0) strcpy(message, "the codestream could not be decoded");
  opj_stream_destroy(stream);
  opj_destroy_codec(codec);
  if (image) opj_image_destroy(image);
  return out;
}
