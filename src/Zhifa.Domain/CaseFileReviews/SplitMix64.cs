namespace Zhifa.Domain.CaseFileReviews;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014; the reference C
/// code by Sebastiano Vigna, prng.di.unimi.it/splitmix64.c): the state advances by the golden-ratio constant
/// 0x9E3779B97F4A7C15 and each output is that state through two xor-shift-multiply rounds. Written out here, not
/// System.Random, whose sequence for a seed is not a promise across .NET versions: a review's sample must be
/// re-derivable from its recorded seed by anyone, on any runtime, for as long as the batch is kept (ADR-017).
/// </summary>
public sealed class SplitMix64(ulong state)
{
    private ulong _state = state;

    public ulong Next()
    {
        unchecked
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>
    /// A uniform integer in [0, n) without modulo bias (the rejection of OpenBSD's arc4random_uniform): outputs below
    /// 2^64 mod n are drawn again, the rest taken modulo n.
    /// </summary>
    public ulong Below(ulong n)
    {
        ArgumentOutOfRangeException.ThrowIfZero(n);
        var threshold = unchecked(0UL - n) % n;
        while (true)
        {
            var r = Next();
            if (r >= threshold)
                return r % n;
        }
    }

    /// <summary>
    /// FNV-1a (64-bit) of the UTF-8 bytes of <paramref name="text"/>: offset basis 0xCBF29CE484222325, prime
    /// 0x100000001B3. Gives each agency of a batch its own stream, so adding an agency to a scope leaves the samples
    /// of the others as they were.
    /// </summary>
    public static ulong Fnv1a(string text)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash = unchecked(hash * 0x100000001B3UL);
        }
        return hash;
    }
}
