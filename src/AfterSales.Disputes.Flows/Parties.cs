using System.Numerics;
using System.Runtime.CompilerServices;

namespace AfterSales.Disputes.Flows;

/// <summary>
/// Set operations on a flow's party enum, whatever its underlying type: a [Flags] enum with one bit per
/// party. Generic code cannot use <c>|</c> and <c>&amp;</c> on an enum, so parties are read as bits.
/// </summary>
internal static class Parties<TParty>
    where TParty : struct, Enum
{
    /// <summary>The single parties the enum declares (its power-of-two members), in declaration order.</summary>
    public static readonly TParty[] Singles = Enum.GetValues<TParty>().Where(p => BitOperations.IsPow2(Bits(p))).ToArray();

    private static readonly ulong s_declared = Singles.Aggregate(0UL, (bits, party) => bits | Bits(party));

    public static ulong Bits(TParty party) => Unsafe.SizeOf<TParty>() switch
    {
        1 => Unsafe.As<TParty, byte>(ref party),
        2 => Unsafe.As<TParty, ushort>(ref party),
        4 => Unsafe.As<TParty, uint>(ref party),
        _ => Unsafe.As<TParty, ulong>(ref party),
    };

    public static TParty Of(ulong bits)
    {
        switch (Unsafe.SizeOf<TParty>())
        {
            case 1: var b = (byte)bits; return Unsafe.As<byte, TParty>(ref b);
            case 2: var s = (ushort)bits; return Unsafe.As<ushort, TParty>(ref s);
            case 4: var i = (uint)bits; return Unsafe.As<uint, TParty>(ref i);
            default: return Unsafe.As<ulong, TParty>(ref bits);
        }
    }

    public static TParty Union(TParty left, TParty right) => Of(Bits(left) | Bits(right));

    public static bool Overlap(TParty left, TParty right) => (Bits(left) & Bits(right)) != 0;

    public static bool IsNone(TParty parties) => Bits(parties) == 0;

    /// <summary>True when <paramref name="party"/> is exactly one declared party.</summary>
    public static bool IsSingle(TParty party)
    {
        var bits = Bits(party);
        return BitOperations.IsPow2(bits) && (bits & s_declared) == bits;
    }

    /// <summary>"Buyer", "Buyer or Seller", "nobody".</summary>
    public static string Names(TParty parties, string separator = " or ")
    {
        var names = Singles.Where(p => Overlap(parties, p)).Select(p => p.ToString()).ToList();
        return names.Count == 0 ? "nobody" : string.Join(separator, names);
    }
}
