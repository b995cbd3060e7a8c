namespace AfterSales.Disputes.Orders;

/// <summary>Category flags of an order line that after-sales rules depend on.</summary>
[Flags]
public enum ItemCategory
{
    /// <summary>No special category.</summary>
    None = 0,

    /// <summary>Consumer electronics: the three-guarantees rules and brand warranties apply.</summary>
    Electronics = 1,

    /// <summary>Made to the buyer's specification.</summary>
    CustomMade = 2,

    /// <summary>Fresh or perishable goods.</summary>
    Perishable = 4,

    /// <summary>Audio-visual recordings or software on a physical medium; excluded once unsealed.</summary>
    AudioVisualOrSoftware = 8,

    /// <summary>Digital content delivered by download.</summary>
    DigitalDownload = 16,

    /// <summary>Newspapers and periodicals already delivered.</summary>
    Periodical = 32,

    /// <summary>The buyer agreed at purchase that the item is not returnable without reason.</summary>
    NonReturnableByAgreement = 64,
}
