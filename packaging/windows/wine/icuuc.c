/* Stand-in for Windows' icuuc.dll (ICU, part of Windows 10 since 1903), which Wine 8.0 does
 * not have.
 *
 * Qt 6.11's Qt6Core.dll imports 20 ucnv_* functions from it, for the text encodings Qt does not
 * convert itself (Qt does UTF-8, UTF-16/32 and Latin-1 on its own; Omroeper uses only those).
 * Without the DLL, Qt6Core.dll does not load at all. This stand-in says every ICU converter is
 * unavailable: ucnv_open fails and there are no converter names, so Qt falls back to its own.
 *
 * Built with gcc-mingw-w64 by packaging/windows/wine_build.py and placed only in the Wine
 * prefix's system32: never in the bundle, which uses Windows' own ICU.
 */
#include <stddef.h>
#include <stdint.h>

typedef int32_t UErrorCode;
#define U_FILE_ACCESS_ERROR 4
#define EXPORT __declspec(dllexport)

EXPORT void *ucnv_open(const char *name, UErrorCode *err)
{
    (void)name;
    if (err && *err <= 0)
        *err = U_FILE_ACCESS_ERROR;
    return NULL;
}
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *err)
{
    (void)name; (void)standard; (void)err;
    return NULL;
}

/* Never reached without an open converter; present so that Qt6Core.dll's imports resolve. */
EXPORT void ucnv_close(void *c) { (void)c; }
EXPORT void ucnv_reset(void *c) { (void)c; }
EXPORT int8_t ucnv_getMaxCharSize(const void *c) { (void)c; return 1; }
EXPORT const char *ucnv_getName(const void *c, UErrorCode *err) { (void)c; (void)err; return NULL; }
EXPORT void ucnv_getToUCallBack(const void *c, void **action, const void **context)
{
    (void)c;
    if (action) *action = NULL;
    if (context) *context = NULL;
}
EXPORT void ucnv_getFromUCallBack(const void *c, void **action, const void **context)
{
    (void)c;
    if (action) *action = NULL;
    if (context) *context = NULL;
}
EXPORT void ucnv_setToUCallBack(void *c, void *a, const void *n, void **oa, const void **oc,
                                UErrorCode *err)
{
    (void)c; (void)a; (void)n; (void)oa; (void)oc; (void)err;
}
EXPORT void ucnv_setFromUCallBack(void *c, void *a, const void *n, void **oa, const void **oc,
                                  UErrorCode *err)
{
    (void)c; (void)a; (void)n; (void)oa; (void)oc; (void)err;
}
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}
EXPORT void ucnv_cbToUWriteUChars(void *a, const void *s, int32_t n, int32_t o, UErrorCode *e)
{
    (void)a; (void)s; (void)n; (void)o; (void)e;
}
EXPORT void ucnv_cbFromUWriteUChars(void *a, const void **s, const void *l, int32_t o,
                                    UErrorCode *e)
{
    (void)a; (void)s; (void)l; (void)o; (void)e;
}
EXPORT void ucnv_toUnicode(void *c, void **t, const void *tl, const char **s, const char *sl,
                           int32_t *o, int8_t f, UErrorCode *e)
{
    (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f; (void)e;
}
EXPORT void ucnv_fromUnicode(void *c, char **t, const char *tl, const void **s, const void *sl,
                             int32_t *o, int8_t f, UErrorCode *e)
{
    (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f; (void)e;
}
EXPORT int32_t ucnv_toUCountPending(const void *c, UErrorCode *e) { (void)c; (void)e; return 0; }
EXPORT int32_t ucnv_fromUCountPending(const void *c, UErrorCode *e) { (void)c; (void)e; return 0; }
