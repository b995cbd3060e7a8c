namespace AfterSales.Disputes.Policies;

/// <summary>What kind of store sells on the marketplace.</summary>
public enum StoreType
{
    /// <summary>The brand's own official flagship store.</summary>
    OfficialFlagship,

    /// <summary>A reseller the brand has authorised.</summary>
    AuthorisedReseller,

    /// <summary>Any other seller.</summary>
    ThirdParty,
}
