using System.Globalization;
using System.Resources;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Flows;
using AfterSales.Disputes.Merchants;
using AfterSales.Disputes.Orders;
using AfterSales.Disputes.Policies;

namespace AfterSales.Disputes.Localization;

/// <summary>
/// The texts a party reads — refusals, eligibility reasons, the labels of actions, states, parties and deadlines,
/// event summaries — in English (the neutral resources) and Simplified Chinese, from the resource file
/// <c>Localization/Texts.resx</c> and its <c>zh-Hans</c> translation (which <c>zh-CN</c> reads through its parent
/// culture). A text is written in <see cref="CultureInfo.CurrentUICulture"/>, which a host sets per request (the API
/// from <c>Accept-Language</c>); a text that goes into the record (an eligibility reason) is written in every
/// supported language beside its English, so that each reader later gets their own (<see cref="Pick"/>).
/// </summary>
/// <remarks>
/// English sentences name actions, states and kinds by their API identifiers (<c>Approve is not permitted in state
/// Closed.</c>), which is what an integrator matches on; the other languages name them by their labels.
/// </remarks>
public static class DisputeTexts
{
    /// <summary>The resources, for hosts and tests that read them directly.</summary>
    public static ResourceManager Resources { get; } = new("AfterSales.Disputes.Localization.Texts", typeof(DisputeTexts).Assembly);

    /// <summary>English, the default.</summary>
    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en");

    /// <summary>Simplified Chinese as used in mainland China.</summary>
    public static CultureInfo SimplifiedChinese { get; } = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>The languages every text exists in, the default first.</summary>
    public static IReadOnlyList<CultureInfo> SupportedCultures { get; } = [English, SimplifiedChinese];

    /// <summary>
    /// The enumerations whose every value has a label: what a case, its offers, refunds, repairs and rulings, and a
    /// store's standing are described with. A page shows these by their labels, never by their identifiers.
    /// </summary>
    public static IReadOnlyList<Type> LabelledEnums { get; } =
    [
        typeof(DisputeAction), typeof(DisputeState), typeof(Party), typeof(RequestKind), typeof(RequestReason), typeof(Remedy),
        typeof(ClosureReason), typeof(OfferStatus), typeof(RefundStatus), typeof(ChargeStatus), typeof(VisitStatus), typeof(VisitOutcome),
        typeof(RepairResult), typeof(RulingOutcome), typeof(ShippingPayer), typeof(StoreType), typeof(StoreLevel), typeof(PenaltyCause),
        typeof(ItemCategory), typeof(ConditionIssue), typeof(FaultCause),
    ];

    /// <summary>Every value of <paramref name="enumType"/> (one of <see cref="LabelledEnums"/>) with its label in <paramref name="culture"/>, by identifier.</summary>
    public static IReadOnlyDictionary<string, string> Labels(Type enumType, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(enumType);
        if (!LabelledEnums.Contains(enumType))
        {
            throw new ArgumentException($"{enumType.Name} has no labels.", nameof(enumType));
        }

        culture ??= CultureInfo.CurrentUICulture;
        return Enum.GetNames(enumType).ToDictionary(name => name, name => Text(culture, $"{enumType.Name}.{name}"), StringComparer.Ordinal);
    }

    /// <summary>The label of a value of one of <see cref="LabelledEnums"/> (several flags: joined with "or"); the identifier for a value of another enumeration.</summary>
    public static string Label<TEnum>(TEnum value, CultureInfo? culture = null)
        where TEnum : struct, Enum => LabelOf(value, culture ?? CultureInfo.CurrentUICulture);

    /// <summary>
    /// A label the flows give in English — a guard (<c>a reason code is given</c>), a deadline (<c>offer response
    /// window</c>) — in <paramref name="culture"/>; the English label itself when it has no resource.
    /// </summary>
    public static string FlowLabel(string englishLabel, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(englishLabel);
        return Resources.GetString("Flow." + englishLabel, culture ?? CultureInfo.CurrentUICulture) ?? englishLabel;
    }

    /// <summary>What a timeline event did, in a sentence: <c>Seller: Approve (AwaitingSellerResponse → Refunding)</c>.</summary>
    public static string Summary(DisputeEvent appended, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(appended);
        culture ??= CultureInfo.CurrentUICulture;
        return Format(culture, appended.From == appended.To ? "Event.Summary.SameState" : "Event.Summary",
            Label(appended.Party, culture), Label(appended.Action, culture), Label(appended.From, culture), Label(appended.To, culture));
    }

    /// <summary>Why the flow refused an action, in a sentence for the party who tried.</summary>
    public static string Sentence(Refusal<DisputeState, DisputeAction, Party> refusal, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        return refusal.Reason switch
        {
            RefusalReason.NotThisParty => Format(culture, "Refusal.NotThisParty", refusal.Action, refusal.State, refusal.AllowedParties, refusal.By),
            RefusalReason.GuardFailed => Format(culture, "Refusal.GuardFailed", refusal.Action, refusal.State, FlowLabel(refusal.GuardLabel ?? "", culture)),
            RefusalReason.NoDeadlineDue => Format(culture, "Refusal.NoDeadlineDue", refusal.State),
            _ => Format(culture, "Refusal.NotPermittedInState", refusal.Action, refusal.State),
        };
    }

    /// <summary>
    /// Of texts written in each language, the one in <paramref name="culture"/>'s language;
    /// <paramref name="fallback"/> when there is none (a record written before translations, or another language).
    /// </summary>
    public static string Pick(IReadOnlyDictionary<string, string>? texts, string fallback, CultureInfo? culture = null)
    {
        var language = (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName;
        return texts?.FirstOrDefault(t => CultureInfo.GetCultureInfo(t.Key).TwoLetterISOLanguageName == language).Value ?? fallback;
    }

    /// <summary>The text of <paramref name="key"/> in the current UI culture, with its arguments.</summary>
    internal static string Format(string key, params object?[] args) => Format(CultureInfo.CurrentUICulture, key, args);

    /// <summary>
    /// The text of <paramref name="key"/> in <paramref name="culture"/>, with its arguments: numbers and amounts as the
    /// invariant culture writes them, enum values as identifiers in English and as labels in other languages, and a
    /// text written per culture (a part of a sentence) in <paramref name="culture"/>.
    /// </summary>
    internal static string Format(CultureInfo culture, string key, params object?[] args)
    {
        var english = IsEnglish(culture);
        var shown = args.Select(a => a is Func<CultureInfo, string> part ? part(culture)
            : a is not Enum value ? a
            : english ? value.ToString().Replace(", ", Text(culture, "List.Or"), StringComparison.Ordinal)
            : LabelOf(value, culture)).ToArray();
        return string.Format(CultureInfo.InvariantCulture, Text(culture, key), shown);
    }

    /// <summary>Whether <paramref name="culture"/> reads the neutral (English) resources.</summary>
    internal static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName is "en" or "iv";

    // A [Flags] combination such as Seller, Arbitrator is its labels joined with "or". A value without a label (of an
    // enumeration outside LabelledEnums) is shown by its identifier rather than failing the sentence it is part of.
    private static string LabelOf(Enum value, CultureInfo culture) =>
        string.Join(Text(culture, "List.Or"), value.ToString().Split(", ")
            .Select(name => Resources.GetString($"{value.GetType().Name}.{name}", culture) ?? name));

    private static string Text(CultureInfo culture, string key) =>
        Resources.GetString(key, culture) ?? throw new MissingManifestResourceException($"No text has the key '{key}'.");
}
