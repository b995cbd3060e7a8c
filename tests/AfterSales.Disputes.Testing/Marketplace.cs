using AfterSales.Disputes.Calendars;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Money;
using AfterSales.Disputes.Orders;
using AfterSales.Disputes.Policies;

namespace AfterSales.Disputes.Testing;

/// <summary>
/// A small marketplace to test against: a router brand with a 24-month warranty (36 in the EU, on-site service
/// as an add-on), its
/// flagship store and an authorised reseller in China, and a store in Germany; orders are built per test.
/// Times are UTC; the "now" of a test is passed explicitly.
/// </summary>
public static class Marketplace
{
    public const string Buyer = "buyer-1";
    public const string OtherBuyer = "buyer-2";
    public const string Flagship = "store-flagship";
    public const string Reseller = "store-reseller";
    public const string GermanStore = "store-de";
    public const string ServiceCenter = "sc-shenzhen";
    public const string Arbitrator = "arb-1";
    public const string SecondArbitrator = "arb-2";

    public static readonly DateTimeOffset Placed = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Shipped = Placed.AddDays(1);
    public static readonly DateTimeOffset Delivered = Placed.AddDays(3);

    public static BusinessCalendar China { get; } = new BusinessCalendar("CN", TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"))
        .WithHolidayPeriod(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 7));

    public static BusinessCalendar Germany { get; } = new("DE", TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));

    public static BrandWarranty RouterWarranty { get; } = new(
        Brand: "Linkwave",
        Version: "w3",
        MonthsByRegion: new Dictionary<string, int> { ["CN"] = 24, ["DE"] = 36 },
        DefaultMonths: 12,
        ExcludedCauses: BrandWarranty.StandardExclusions,
        ProofOfPurchaseRequired: true,
        ServiceCenterId: ServiceCenter,
        OnSiteServiceAvailable: true);

    public static StorePolicy FlagshipPolicy { get; } = new(Flagship, "v1", StoreType.OfficialFlagship, NoReasonExchange: true,
        ReturnPostageCap: Amount.FromMajor(20, Currency.CNY));

    public static StorePolicy ResellerPolicy { get; } = new(Reseller, "v4", StoreType.AuthorisedReseller, ClearanceExchangeOnly: true, SerialMismatch: SerialMismatchRule.Flag);

    public static StorePolicy GermanPolicy { get; } = new(GermanStore, "v1", StoreType.ThirdParty, NoReasonReturnDays: 30);

    /// <summary>A store's policy with the router's brand warranty.</summary>
    public static EffectivePolicy PolicyFor(string storeId) => PolicyFor(storeId, RouterWarranty);

    /// <summary>The policy for one line of an order, as the host composes it: the brand warranty of the line's brand, if any.</summary>
    public static EffectivePolicy PolicyFor(Order order, string lineId) =>
        PolicyFor(order.StoreId, order.Line(lineId)?.Brand == RouterWarranty.Brand ? RouterWarranty : null);

    public static EffectivePolicy PolicyFor(string storeId, BrandWarranty? warranty) => storeId switch
    {
        Flagship => PolicyComposer.Compose(PlatformFloor.Default, JurisdictionPacks.China, China, FlagshipPolicy, warranty),
        Reseller => PolicyComposer.Compose(PlatformFloor.Default, JurisdictionPacks.China, China, ResellerPolicy, warranty),
        GermanStore => PolicyComposer.Compose(PlatformFloor.Default, JurisdictionPacks.EuropeanUnion, Germany, GermanPolicy, warranty),
        _ => throw new ArgumentOutOfRangeException(nameof(storeId), storeId, null),
    };

    public static Amount Yuan(decimal value) => Amount.FromMajor(value, Currency.CNY);

    public static Amount Euro(decimal value) => Amount.FromMajor(value, Currency.EUR);

    /// <summary>A router (electronics, serial number) and a free gift, paid 399 + 0 yuan, shipping 10 yuan.</summary>
    public static Order RouterOrder(string storeId = Flagship, string orderId = "order-1", DateTimeOffset? shipped = null,
        DateTimeOffset? delivered = null, bool notShipped = false, bool onSite = false, params string[] tags)
    {
        var currency = storeId == GermanStore ? Currency.EUR : Currency.CNY;
        Amount Money(decimal value) => Amount.FromMajor(value, currency);
        return new Order(
            orderId, Buyer, storeId, storeId == GermanStore ? "DE" : "CN", currency,
            [
                new OrderLine("line-router", "LW-AX3000", "Linkwave AX3000 router", ItemCategory.Electronics, Money(399), 1, Money(399),
                    SerialNumber: "LW3000-77821", Brand: "Linkwave", PromotionTags: tags.Length == 0 ? null : tags, OnSiteService: onSite),
                new OrderLine("line-cable", "LW-CAT6", "Network cable", ItemCategory.None, Money(25), 2, Money(40)),
                new OrderLine("line-gift", "LW-STICKER", "Sticker pack (gift)", ItemCategory.None, Money(5), 1, Money(0), GiftForLineId: "line-router"),
            ],
            ShippingPaid: Money(10),
            PlacedAt: Placed,
            ShippedAt: notShipped ? null : shipped ?? Shipped,
            DeliveredAt: notShipped ? null : delivered ?? Delivered,
            InvoiceDate: DateOnly.FromDateTime(Placed.UtcDateTime));
    }

    /// <summary>
    /// Three mice at 100 yuan each (paid 300), a keyboard paid 200, and three free mouse pads, one with each mouse;
    /// shipping 10 yuan; at the flagship store.
    /// </summary>
    public static Order PeripheralsOrder(string orderId = "order-peripherals") => new(
        orderId, Buyer, Flagship, "CN", Currency.CNY,
        [
            new OrderLine("line-mouse", "LW-M1", "Linkwave M1 mouse", ItemCategory.Electronics, Yuan(100), 3, Yuan(300)),
            new OrderLine("line-keyboard", "LW-K1", "Linkwave K1 keyboard", ItemCategory.Electronics, Yuan(200), 1, Yuan(200)),
            new OrderLine("line-pad", "LW-PAD", "Mouse pad (gift)", ItemCategory.None, Yuan(0), 3, Yuan(0), GiftForLineId: "line-mouse"),
        ],
        ShippingPaid: Yuan(10),
        PlacedAt: Placed,
        ShippedAt: Shipped,
        DeliveredAt: Delivered,
        InvoiceDate: DateOnly.FromDateTime(Placed.UtcDateTime));

    public static OpenDisputeRequest Request(
        RequestKind kind,
        RequestReason reason,
        Amount? refund = null,
        string disputeId = "dispute-1",
        string lineId = "line-router",
        bool claimsShipping = false,
        ConditionIssue condition = ConditionIssue.None,
        FaultCause? cause = null,
        RepairApplication? repair = null,
        string buyerId = Buyer,
        IReadOnlyList<string>? includedLines = null) =>
        new(disputeId, buyerId, lineId, kind, reason, $"{kind} because {reason}", refund, claimsShipping, condition, cause,
            null, includedLines ?? (kind is RequestKind.ReturnAndRefund or RequestKind.Exchange && lineId == "line-router" ? ["line-gift"] : null), repair);

    public static RepairApplication RouterRepair(string faultCode = "wifi-drops", string serialNumber = "LW3000-77821") =>
        new("AX3000", serialNumber, faultCode, "Wi-Fi drops every few minutes", "invoice-1", ["video-1"]);

    /// <summary>Opens a request and fails the test if it is refused.</summary>
    public static Dispute Open(Order order, OpenDisputeRequest request, DateTimeOffset now, params Dispute[] others)
    {
        var outcome = Dispute.Open(request, OrderRefunds.Of(order, others), PolicyFor(order, request.LineId), now);
        return outcome.Dispute ?? throw new InvalidOperationException($"Opening was refused: {outcome.Refusal!.Message}");
    }

    /// <summary>Fails the test with the refusal's message when an action was refused.</summary>
    public static DisputeResult ShouldSucceed(this DisputeResult result) =>
        result.Succeeded ? result : throw new InvalidOperationException($"Refused ({result.Refusal!.Code}): {result.Refusal.Message}");
}
