/* Stand-in for Windows' bcryptprimitives.dll, which Wine 8.0 does not have.
 *
 * Rust's standard library (in cryptography's and pydantic-core's extension modules) imports
 * ProcessPrng from it on Windows 10 and later. Wine 8.0 lacks the DLL, so those modules fail to
 * load, and PyInstaller then silently leaves their submodules out of the bundle. This stand-in
 * answers ProcessPrng from BCryptGenRandom (the system's random source, which Wine has).
 *
 * Built with gcc-mingw-w64 by packaging/windows/wine_build.py and placed only in the Wine
 * prefix's system32: never in the bundle, which uses the real DLL on Windows.
 */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
    while (size > 0) {
        ULONG chunk = size > 0x40000000 ? 0x40000000 : (ULONG)size;
        if (BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
            return FALSE;
        data += chunk;
        size -= chunk;
    }
    return TRUE; /* documented to always succeed */
}
