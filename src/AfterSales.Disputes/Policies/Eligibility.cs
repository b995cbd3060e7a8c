using System.Globalization;
using AfterSales.Disputes.Disputes;
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
            $"Line {query.LineId} is part of order {query.Order.OrderId}.",
            $"Order {query.Order.OrderId} has no line {query.LineId}."))
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
            trace.Pass("wrong-size", "A wrong size or colour the buyer chose goes back under the no-reason rules: the same window, exclusions and intact goods.");
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
            ? $"The buyer pays return shipping for a no-reason {(query.Kind == RequestKind.Exchange ? "exchange" : "return")}."
            : "The seller pays return shipping.");
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
                "The store exchanges without a reason, under the same rules as its no-reason returns.",
                $"Store {policy.StoreId} takes goods back without a reason for a refund, not for an exchange: ask for a return and refund.");
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
            $"A {query.Kind} request may be made for {query.Reason}.",
            $"A {query.Kind} request cannot be made for {query.Reason}.");
    }

    private static void ShipmentStatus(Trace trace, EligibilityQuery query)
    {
        var (shipped, delivered) = (query.Order.ShippedAt, query.Order.DeliveredAt);
        var (passed, reason) = query.Reason switch
        {
            RequestReason.NotShipped => shipped is { } at
                ? (false, $"The order shipped on {Day(at)}.")
                : (true, "The order has not shipped."),
            RequestReason.NotReceived => (shipped, delivered) switch
            {
                (null, _) => (false, "The order has not shipped yet: ask for a refund because it was not shipped."),
                (_, { } at) => (false, $"The order was delivered on {Day(at)}."),
                _ => (true, "The order shipped and has not been confirmed delivered."),
            },
            _ => delivered is null
                ? (false, "The order has not been delivered yet.")
                : (true, "The order was delivered."),
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
            trace.Pass("serial-number", $"Serial number {given} is the one recorded for line {line.LineId}.");
            return;
        }

        var mismatch = $"Serial number {given} is not the one recorded for line {line.LineId} (ending {Tail(recorded)}).";
        if (policy.SerialMismatch == SerialMismatchRule.Flag)
        {
            trace.Flag("serial-number", mismatch + " The request opens with this flag for the seller to check.");
        }
        else
        {
            trace.Check("serial-number", false, "", mismatch + " Check the label on the device and correct it.");
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
        var what = query.Kind == RequestKind.Exchange ? "exchange" : "return";
        trace.Window($"no-reason {what} ({policy.NoReasonReturnDays} days from receipt)", windowEnd);
        trace.Check("no-reason-window", now <= windowEnd,
            $"Within the {policy.NoReasonReturnDays}-day no-reason {what} window, which ends {Day(windowEnd)}.",
            $"The {policy.NoReasonReturnDays}-day no-reason {what} window ended {Day(windowEnd)}.");
    }

    private static void NoReasonExclusions(Trace trace, EligibilityQuery query, OrderLine line, EffectivePolicy policy)
    {
        var excluded = line.Categories & policy.NoReasonExclusions;
        if ((excluded & ItemCategory.AudioVisualOrSoftware) != 0 && (query.Condition & ConditionIssue.Unsealed) == 0)
        {
            excluded &= ~ItemCategory.AudioVisualOrSoftware; // sealed media may still go back
        }

        trace.Check("no-reason-exclusions", excluded == ItemCategory.None,
            "The item is not in a category excluded from no-reason returns.",
            $"No-reason returns exclude {Describe(excluded)} ({policy.Citation}).");
    }

    private static void IntactGoods(Trace trace, EligibilityQuery query, EffectivePolicy policy)
    {
        if (policy.IntactRequiredForNoReason)
        {
            trace.Check("goods-intact", query.Condition.IsIntact(),
                query.Condition.HasFlag(ConditionIssue.OpenedForInspection)
                    ? "The goods are intact: opening them to inspect is allowed."
                    : "The goods are intact.",
                $"No-reason returns need intact goods, but these show: {Describe(query.Condition & ~ConditionIssue.OpenedForInspection)}.");
        }
    }

    // The line asked about and the other lines of the request, with their units; an unknown other line fails "order-line".
    private static List<(OrderLine Line, int Units)> RequestedLines(Trace trace, EligibilityQuery query, OrderLine line)
    {
        List<(OrderLine Line, int Units)> lines = [(line, query.Quantity ?? line.Quantity)];
        foreach (var other in query.OtherLines ?? [])
        {
            if (trace.Check("order-line", query.Order.Line(other.LineId) is not null,
                $"Line {other.LineId} is part of order {query.Order.OrderId}.",
                $"Order {query.Order.OrderId} has no line {other.LineId}."))
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
            trace.Window($"three guarantees: return, exchange or repair ({returnDays} days)", returnEnd);
            trace.Window($"three guarantees: exchange or repair ({exchangeDays} days)", exchangeEnd);
            var (allowed, explanation) = days <= returnDays
                ? (true, $"A fault within {returnDays} days of receipt allows a return, an exchange or a repair.")
                : days <= exchangeDays
                    ? (query.Kind is RequestKind.Exchange or RequestKind.Repair,
                        $"A fault {Math.Floor(days)} days after receipt allows an exchange or a repair (return only within {returnDays} days).")
                    : (query.Kind == RequestKind.Repair,
                        $"A fault {Math.Floor(days)} days after receipt allows a repair under warranty (exchange only within {exchangeDays} days).");
            trace.Check("three-guarantees", allowed, explanation, explanation);
            return;
        }

        if (policy.LegalGuaranteeMonths > 0 && query.Reason is RequestReason.Defective or RequestReason.NotAsDescribed)
        {
            var guaranteeEnd = deliveredAt.AddMonths(policy.LegalGuaranteeMonths);
            trace.Window($"legal guarantee ({policy.LegalGuaranteeMonths} months)", guaranteeEnd);
            trace.Check("legal-guarantee", now <= guaranteeEnd || query.Kind == RequestKind.Repair,
                $"Within the {policy.LegalGuaranteeMonths}-month legal guarantee, which ends {Day(guaranteeEnd)}.",
                $"The {policy.LegalGuaranteeMonths}-month legal guarantee ended {Day(guaranteeEnd)}; only a paid repair remains.");
            return;
        }

        trace.Pass("fault-claim", "A quality claim is reviewed by the seller and, if contested, by the platform.");
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
            trace.Window($"warranty ({months} months from {(query.Order.InvoiceDate is null ? "delivery" : "the invoice date")})", end);
        }

        var reasons = new List<string>();
        if (policy.Warranty is null)
        {
            reasons.Add("the brand has no warranty on this platform");
        }
        else
        {
            if (now > end)
            {
                reasons.Add($"the {months}-month warranty ended {Day(end)}");
            }

            if (query.FaultCause is { } cause && policy.Warranty.ExcludedCauses.Contains(cause))
            {
                reasons.Add($"{Words(cause.ToString())} is excluded from the warranty");
            }

            if (policy.Warranty.ProofOfPurchaseRequired && !query.HasProofOfPurchase)
            {
                reasons.Add("the warranty needs proof of purchase");
            }
        }

        var serviceCenter = policy.Warranty?.ServiceCenterId;
        trace.Check("service-center", !string.IsNullOrWhiteSpace(serviceCenter),
            $"Service center {serviceCenter} repairs the item.",
            $"No service center repairs line {line.LineId}: {(policy.Warranty is null ? "its brand has no warranty service on this platform" : "the brand names no service center")}. Ask for a refund, a return or an exchange instead.");
        var covered = reasons.Count == 0;
        trace.Pass("warranty", covered
            ? $"Covered by the {months}-month warranty until {Day(end)}: a defect in material or workmanship is repaired free of charge."
            : $"Not covered: {string.Join("; ", reasons)}. The service center will quote a fee for the repair.");
        if (line.OnSiteService && policy.Warranty?.OnSiteServiceAvailable == true)
        {
            trace.Pass("on-site-service", "On-site service was bought with the item: the service center sends a technician instead of a courier.");
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
                "Clearance items can be exchanged or repaired.",
                "Clearance items can be exchanged, not returned for a refund (store policy).");
        }

        if (!policy.GiftsReturnWithMainItem || query.Kind is not (RequestKind.ReturnAndRefund or RequestKind.Exchange))
        {
            return;
        }

        var included = query.IncludedLineIds ?? [];
        if (line.GiftForLineId is { } main)
        {
            trace.Check("gift-with-main-item", false, "",
                $"A free gift comes back with the item it came with: return line {main} instead, with this gift included.");
        }
        else if (query.Order.GiftsOf(line.LineId).ToList() is { Count: > 0 } gifts)
        {
            var missing = gifts.Where(g => !included.Contains(g.LineId)).Select(g => g.LineId).ToList();
            var counted = string.Join(", ", gifts.Select(g => Units(g, Dispute.GiftUnits(g, line, units))));
            trace.Check("gift-with-main-item", missing.Count == 0,
                $"The free gift ({counted}) comes back with the item.",
                $"The free gift ({string.Join(", ", gifts.Where(g => missing.Contains(g.LineId)).Select(g => Units(g, Dispute.GiftUnits(g, line, units))))}) must come back with the item.");
        }
    }

    // "line line-gift" for a whole line; "2 of the 3 units of line line-pad" for part of one.
    private static string Units(OrderLine line, int units) =>
        units >= line.Quantity ? $"line {line.LineId}" : $"{units} of the {line.Quantity} units of line {line.LineId}";

    private static string Day(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Describe<TFlags>(TFlags flags)
        where TFlags : struct, Enum =>
        string.Join(", ", Enum.GetValues<TFlags>().Where(f => Convert.ToInt64(f, CultureInfo.InvariantCulture) != 0 && flags.HasFlag(f)).Select(f => Words(f.ToString())));

    // "AudioVisualOrSoftware" -> "audio visual or software".
    private static string Words(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>Collects the rules evaluated and the windows found.</summary>
    private sealed class Trace
    {
        private readonly List<RuleCheck> _checks = [];
        private readonly List<EligibilityWindow> _windows = [];
        private readonly List<RuleCheck> _flags = [];

        /// <summary>The line the rules being checked are about, when the request has several; their reasons then name it.</summary>
        public string? Subject { get; set; }

        public bool Check(string rule, bool passed, string passReason, string failReason)
        {
            _checks.Add(new RuleCheck(rule, passed, Named(passed ? passReason : failReason)));
            return passed;
        }

        public void Pass(string rule, string reason) => _checks.Add(new RuleCheck(rule, true, Named(reason)));

        private string Named(string reason) => Subject is null ? reason : $"Line {Subject}: {reason}";

        public void Flag(string rule, string reason)
        {
            var flag = new RuleCheck(rule, true, reason);
            _checks.Add(flag);
            _flags.Add(flag);
        }

        public void Window(string name, DateTimeOffset endsAt) => _windows.Add(new EligibilityWindow(name, endsAt));

        public EligibilityDecision Decide(ShippingPayer payer, bool? warrantyCovered) =>
            new(_checks.TrueForAll(c => c.Passed), _checks, _windows, payer, warrantyCovered) { Flags = _flags };
    }
}
