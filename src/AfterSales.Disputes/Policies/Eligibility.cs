using System.Globalization;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Localization;
using AfterSales.Disputes.Orders;

namespace AfterSales.Disputes.Policies;

/// <summary>
/// Decides whether a request may be opened under an effective policy, and records every rule it
/// evaluated. Each rule below is one business rule of DESIGN section 3, named by its code.
/// </summary>
public static class Eligibility
{
    private const string Clearance = "clearance";

    /// <summary>Evaluates <paramref name="query"/> under <paramref name="policy"/> at <paramref name="now"/>.</summary>
    public static EligibilityDecision Evaluate(EligibilityQuery query, EffectivePolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(policy);
        var trace = new Trace();
        var line = query.Order.Line(query.LineId);
        if (!trace.Check("order-line", line is not null,
            T("OrderLine.Pass", query.LineId, query.Order.OrderId),
            T("OrderLine.Fail", query.Order.OrderId, query.LineId)))
        {
            return trace.Decide(ShippingPayer.Seller, warrantyCovered: null);
        }

        KindFitsReason(trace, query, policy);
        ShipmentStatus(trace, query);
        SerialNumber(trace, query, line!, policy);
        var lines = RequestedLines(trace, query, line!);
        var received = query.Order.DeliveredAt;
        if (query.Reason == RequestReason.WrongSize)
        {
            trace.Pass("wrong-size", T("WrongSize"));
        }

        var noReason = query.Reason is RequestReason.NoReason or RequestReason.WrongSize && received is not null;
        if (noReason)
        {
            NoReasonWindow(trace, query, policy, received!.Value, now);
            ForEachLine(trace, lines, (requested, _) => NoReasonExclusions(trace, query, requested, policy));
            IntactGoods(trace, query, policy);
        }

        if (IsFault(query.Reason) && received is { } faultDeliveredAt)
        {
            ForEachLine(trace, lines, (requested, _) => FaultRemedies(trace, query, requested, policy, faultDeliveredAt, now));
        }

        bool? warrantyCovered = query.Kind == RequestKind.Repair ? Warranty(trace, query, line!, policy, now) : null;
        ForEachLine(trace, lines, (requested, units) => StorePromotions(trace, query, requested, units, policy));

        var payer = query.Reason is RequestReason.NoReason or RequestReason.WrongSize ? policy.NoReasonReturnShippingPayer : ShippingPayer.Seller;
        trace.Pass("return-shipping", payer == ShippingPayer.Buyer
            ? T("ReturnShipping.Buyer", T(query.Kind == RequestKind.Exchange ? "Word.Exchange" : "Word.Return"))
            : T("ReturnShipping.Seller"));
        return trace.Decide(payer, warrantyCovered);
    }

    private static bool IsFault(RequestReason reason) =>
        reason is RequestReason.Defective or RequestReason.NotAsDescribed or RequestReason.WrongItem
            or RequestReason.DamagedInTransit or RequestReason.MissingParts;

    private static void KindFitsReason(Trace trace, EligibilityQuery query, EffectivePolicy policy)
    {
        if (query is { Kind: RequestKind.Exchange, Reason: RequestReason.NoReason })
        {
            trace.Check("kind-and-reason", policy.NoReasonExchange,
                T("NoReasonExchange.Pass"),
                T("NoReasonExchange.Fail", policy.StoreId));
            return;
        }

        var fits = query.Kind switch
        {
            RequestKind.RefundOnly => query.Reason is RequestReason.NotShipped or RequestReason.NotReceived
                or RequestReason.MissingParts or RequestReason.Defective or RequestReason.NotAsDescribed,
            RequestKind.ReturnAndRefund => query.Reason is RequestReason.NoReason or RequestReason.Defective
                or RequestReason.NotAsDescribed or RequestReason.WrongItem or RequestReason.WrongSize or RequestReason.DamagedInTransit,
            RequestKind.Exchange => query.Reason is RequestReason.WrongSize or RequestReason.Defective
                or RequestReason.NotAsDescribed or RequestReason.WrongItem or RequestReason.DamagedInTransit,
            RequestKind.Repair => query.Reason == RequestReason.Defective,
            _ => false,
        };
        trace.Check("kind-and-reason", fits,
            T("KindAndReason.Pass", query.Kind, query.Reason),
            T("KindAndReason.Fail", query.Kind, query.Reason));
    }

    private static void ShipmentStatus(Trace trace, EligibilityQuery query)
    {
        var (shipped, delivered) = (query.Order.ShippedAt, query.Order.DeliveredAt);
        var (passed, reason) = query.Reason switch
        {
            RequestReason.NotShipped => shipped is { } at
                ? (false, T("Shipment.ShippedOn", Day(at)))
                : (true, T("Shipment.NotShipped")),
            RequestReason.NotReceived => (shipped, delivered) switch
            {
                (null, _) => (false, T("Shipment.NotShippedYet")),
                (_, { } at) => (false, T("Shipment.DeliveredOn", Day(at))),
                _ => (true, T("Shipment.InTransit")),
            },
            _ => delivered is null
                ? (false, T("Shipment.NotDelivered"))
                : (true, T("Shipment.Delivered")),
        };
        trace.Check("shipment-status", passed, reason, reason);
    }

    // Only where both sides have a serial number: most lines have none, and the buyer gives one only in a repair application.
    private static void SerialNumber(Trace trace, EligibilityQuery query, OrderLine line, EffectivePolicy policy)
    {
        if (query.SerialNumber is not { } given || line.SerialNumber is not { } recorded)
        {
            return;
        }

        if (SameSerial(given, recorded))
        {
            trace.Pass("serial-number", T("Serial.Match", given, line.LineId));
            return;
        }

        if (policy.SerialMismatch == SerialMismatchRule.Flag)
        {
            trace.Flag("serial-number", T("Serial.Flagged", given, line.LineId, Tail(recorded)));
        }
        else
        {
            trace.Check("serial-number", false, T("Serial.Flagged", given, line.LineId, Tail(recorded)), T("Serial.Refused", given, line.LineId, Tail(recorded)));
        }
    }

    // Buyers type serial numbers with other case, spaces or dashes than the label: those do not count.
    private static bool SameSerial(string given, string recorded) =>
        string.Equals(Plain(given), Plain(recorded), StringComparison.OrdinalIgnoreCase);

    private static string Plain(string serial) => string.Concat(serial.Where(char.IsLetterOrDigit));

    private static string Tail(string serial) => Plain(serial) is { Length: > 4 } plain ? plain[^4..] : "…";

    private static void NoReasonWindow(Trace trace, EligibilityQuery query, EffectivePolicy policy, DateTimeOffset deliveredAt, DateTimeOffset now)
    {
        var windowEnd = deliveredAt.AddDays(policy.NoReasonReturnDays);
        var what = T(query.Kind == RequestKind.Exchange ? "Word.Exchange" : "Word.Return");
        trace.Window(T("Window.NoReason", what, policy.NoReasonReturnDays), windowEnd);
        trace.Check("no-reason-window", now <= windowEnd,
            T("NoReasonWindow.Pass", policy.NoReasonReturnDays, what, Day(windowEnd)),
            T("NoReasonWindow.Fail", policy.NoReasonReturnDays, what, Day(windowEnd)));
    }

    private static void NoReasonExclusions(Trace trace, EligibilityQuery query, OrderLine line, EffectivePolicy policy)
    {
        var excluded = line.Categories & policy.NoReasonExclusions;
        if ((excluded & ItemCategory.AudioVisualOrSoftware) != 0 && (query.Condition & ConditionIssue.Unsealed) == 0)
        {
            excluded &= ~ItemCategory.AudioVisualOrSoftware; // sealed media may still go back
        }

        trace.Check("no-reason-exclusions", excluded == ItemCategory.None,
            T("Exclusions.Pass"),
            T("Exclusions.Fail", Describe(excluded), policy.Citation));
    }

    private static void IntactGoods(Trace trace, EligibilityQuery query, EffectivePolicy policy)
    {
        if (policy.IntactRequiredForNoReason)
        {
            trace.Check("goods-intact", query.Condition.IsIntact(),
                query.Condition.HasFlag(ConditionIssue.OpenedForInspection)
                    ? T("Intact.Inspected")
                    : T("Intact.Pass"),
                T("Intact.Fail", Describe(query.Condition & ~ConditionIssue.OpenedForInspection)));
        }
    }

    // The line asked about and the other lines of the request, with their units; an unknown other line fails "order-line".
    private static List<(OrderLine Line, int Units)> RequestedLines(Trace trace, EligibilityQuery query, OrderLine line)
    {
        List<(OrderLine Line, int Units)> lines = [(line, query.Quantity ?? line.Quantity)];
        foreach (var other in query.OtherLines ?? [])
        {
            if (trace.Check("order-line", query.Order.Line(other.LineId) is not null,
                T("OrderLine.Pass", other.LineId, query.Order.OrderId),
                T("OrderLine.Fail", query.Order.OrderId, other.LineId)))
            {
                lines.Add((query.Order.Line(other.LineId)!, other.Quantity));
            }
        }

        return lines;
    }

    // Rules that hold per line; with several lines each reason names its line.
    private static void ForEachLine(Trace trace, List<(OrderLine Line, int Units)> lines, Action<OrderLine, int> rule)
    {
        foreach (var (line, units) in lines)
        {
            trace.Subject = lines.Count > 1 ? line.LineId : null;
            rule(line, units);
        }

        trace.Subject = null;
    }

    private static void FaultRemedies(Trace trace, EligibilityQuery query, OrderLine line, EffectivePolicy policy, DateTimeOffset deliveredAt, DateTimeOffset now)
    {
        var days = (now - deliveredAt).TotalDays;
        if (policy.FaultReturnDays is { } returnDays && policy.FaultExchangeDays is { } exchangeDays
            && line.Categories.HasFlag(ItemCategory.Electronics) && query.Reason == RequestReason.Defective)
        {
            var returnEnd = deliveredAt.AddDays(returnDays);
            var exchangeEnd = deliveredAt.AddDays(exchangeDays);
            trace.Window(T("Window.ThreeGuarantees.Return", returnDays), returnEnd);
            trace.Window(T("Window.ThreeGuarantees.Exchange", exchangeDays), exchangeEnd);
            var (allowed, explanation) = days <= returnDays
                ? (true, T("ThreeGuarantees.Return", returnDays))
                : days <= exchangeDays
                    ? (query.Kind is RequestKind.Exchange or RequestKind.Repair, T("ThreeGuarantees.Exchange", Math.Floor(days), returnDays))
                    : (query.Kind == RequestKind.Repair, T("ThreeGuarantees.Repair", Math.Floor(days), exchangeDays));
            trace.Check("three-guarantees", allowed, explanation, explanation);
            return;
        }

        if (policy.LegalGuaranteeMonths > 0 && query.Reason is RequestReason.Defective or RequestReason.NotAsDescribed)
        {
            var guaranteeEnd = deliveredAt.AddMonths(policy.LegalGuaranteeMonths);
            trace.Window(T("Window.LegalGuarantee", policy.LegalGuaranteeMonths), guaranteeEnd);
            trace.Check("legal-guarantee", now <= guaranteeEnd || query.Kind == RequestKind.Repair,
                T("LegalGuarantee.Pass", policy.LegalGuaranteeMonths, Day(guaranteeEnd)),
                T("LegalGuarantee.Fail", policy.LegalGuaranteeMonths, Day(guaranteeEnd)));
            return;
        }

        trace.Pass("fault-claim", T("FaultClaim"));
    }

    private static bool Warranty(Trace trace, EligibilityQuery query, OrderLine line, EffectivePolicy policy, DateTimeOffset now)
    {
        var months = policy.WarrantyMonths(line);
        var start = query.Order.InvoiceDate is { } invoice
            ? new DateTimeOffset(invoice.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : query.Order.DeliveredAt ?? query.Order.PlacedAt;
        var end = start.AddMonths(months);
        if (months > 0)
        {
            trace.Window(T(query.Order.InvoiceDate is null ? "Window.Warranty.Delivery" : "Window.Warranty.Invoice", months), end);
        }

        var reasons = new List<Func<CultureInfo, string>>();
        if (policy.Warranty is null)
        {
            reasons.Add(T("Warranty.NoBrandWarranty"));
        }
        else
        {
            if (now > end)
            {
                reasons.Add(T("Warranty.Ended", months, Day(end)));
            }

            if (query.FaultCause is { } cause && policy.Warranty.ExcludedCauses.Contains(cause))
            {
                reasons.Add(T("Warranty.ExcludedCause", Label(cause)));
            }

            if (policy.Warranty.ProofOfPurchaseRequired && !query.HasProofOfPurchase)
            {
                reasons.Add(T("Warranty.ProofOfPurchase"));
            }
        }

        var serviceCenter = policy.Warranty?.ServiceCenterId;
        trace.Check("service-center", !string.IsNullOrWhiteSpace(serviceCenter),
            T("ServiceCenter.Pass", serviceCenter),
            T(policy.Warranty is null ? "ServiceCenter.NoWarranty" : "ServiceCenter.NoneNamed", line.LineId));
        var covered = reasons.Count == 0;
        trace.Pass("warranty", covered
            ? T("Warranty.Covered", months, Day(end))
            : T("Warranty.NotCovered", Joined(reasons, "List.Reasons")));
        if (line.OnSiteService && policy.Warranty?.OnSiteServiceAvailable == true)
        {
            trace.Pass("on-site-service", T("OnSiteService"));
        }

        return covered;
    }

    private static void StorePromotions(Trace trace, EligibilityQuery query, OrderLine line, int units, EffectivePolicy policy)
    {
        var refundRequest = query.Kind == RequestKind.ReturnAndRefund
            || (query.Kind == RequestKind.RefundOnly && query.Reason is not (RequestReason.NotShipped or RequestReason.NotReceived));
        if (policy.ClearanceExchangeOnly && line.HasTag(Clearance))
        {
            trace.Check("clearance-exchange-only", !refundRequest,
                T("Clearance.Pass"),
                T("Clearance.Fail"));
        }

        if (!policy.GiftsReturnWithMainItem || query.Kind is not (RequestKind.ReturnAndRefund or RequestKind.Exchange))
        {
            return;
        }

        var included = query.IncludedLineIds ?? [];
        if (line.GiftForLineId is { } main)
        {
            trace.Check("gift-with-main-item", false, T("Gift.Alone", main), T("Gift.Alone", main));
        }
        else if (query.Order.GiftsOf(line.LineId).ToList() is { Count: > 0 } gifts)
        {
            var missing = gifts.Where(g => !included.Contains(g.LineId)).Select(g => g.LineId).ToList();
            trace.Check("gift-with-main-item", missing.Count == 0,
                T("Gift.Included", Joined([.. gifts.Select(g => Units(g, Dispute.GiftUnits(g, line, units)))], "List.And")),
                T("Gift.Missing", Joined([.. gifts.Where(g => missing.Contains(g.LineId)).Select(g => Units(g, Dispute.GiftUnits(g, line, units)))], "List.And")));
        }
    }

    // "line line-gift" for a whole line; "2 of the 3 units of line line-pad" for part of one.
    private static Func<CultureInfo, string> Units(OrderLine line, int units) =>
        units >= line.Quantity ? T("Units.Whole", line.LineId) : T("Units.Part", units, line.Quantity, line.LineId);

    private static string Day(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Each flag by its label: "custom made, perishable".
    private static Func<CultureInfo, string> Describe<TFlags>(TFlags flags)
        where TFlags : struct, Enum =>
        Joined([.. Enum.GetValues<TFlags>().Where(f => Convert.ToInt64(f, CultureInfo.InvariantCulture) != 0 && flags.HasFlag(f))
            .Select(Label)], "List.And");

    private static Func<CultureInfo, string> Label<TEnum>(TEnum value)
        where TEnum : struct, Enum => culture => DisputeTexts.Label(value, culture);

    // A sentence of the trace, to be written in each supported language.
    private static Func<CultureInfo, string> T(string key, params object?[] args) => culture => DisputeTexts.Format(culture, "Eligibility." + key, args);

    private static Func<CultureInfo, string> Joined(IReadOnlyList<Func<CultureInfo, string>> parts, string separatorKey) =>
        culture => string.Join(DisputeTexts.Format(culture, separatorKey), parts.Select(part => part(culture)));

    /// <summary>Collects the rules evaluated and the windows found.</summary>
    private sealed class Trace
    {
        private readonly List<RuleCheck> _checks = [];
        private readonly List<EligibilityWindow> _windows = [];
        private readonly List<RuleCheck> _flags = [];

        /// <summary>The line the rules being checked are about, when the request has several; their reasons then name it.</summary>
        public string? Subject { get; set; }

        public bool Check(string rule, bool passed, Func<CultureInfo, string> passReason, Func<CultureInfo, string> failReason)
        {
            _checks.Add(Written(rule, passed, Named(passed ? passReason : failReason)));
            return passed;
        }

        public void Pass(string rule, Func<CultureInfo, string> reason) => _checks.Add(Written(rule, true, Named(reason)));

        private Func<CultureInfo, string> Named(Func<CultureInfo, string> reason) => Subject is not { } subject ? reason : T("ForLine", subject, reason);

        public void Flag(string rule, Func<CultureInfo, string> reason)
        {
            var flag = Written(rule, true, reason);
            _checks.Add(flag);
            _flags.Add(flag);
        }

        public void Window(Func<CultureInfo, string> name, DateTimeOffset endsAt) =>
            _windows.Add(new EligibilityWindow(name(DisputeTexts.English), endsAt) { Translations = Translations(name) });

        // The reason in English, and in the other languages beside it.
        private static RuleCheck Written(string rule, bool passed, Func<CultureInfo, string> reason) =>
            new(rule, passed, reason(DisputeTexts.English)) { Translations = Translations(reason) };

        private static Dictionary<string, string> Translations(Func<CultureInfo, string> text) =>
            DisputeTexts.SupportedCultures.Where(c => c != DisputeTexts.English).ToDictionary(c => c.Name, text);

        public EligibilityDecision Decide(ShippingPayer payer, bool? warrantyCovered) =>
            new(_checks.TrueForAll(c => c.Passed), _checks, _windows, payer, warrantyCovered) { Flags = _flags };
    }
}
