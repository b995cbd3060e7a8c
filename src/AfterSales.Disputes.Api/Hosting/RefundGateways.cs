using AfterSales.Disputes.Application.Ports;

namespace AfterSales.Disputes.Api.Hosting;

/// <summary>
/// Development only: pays every refund at once and logs it, so the demo's refunds complete. A platform
/// deploying the host implements <see cref="IRefundGateway"/> against its payment system.
/// </summary>
internal sealed partial class DevelopmentRefundGateway(ILogger<DevelopmentRefundGateway> logger) : IRefundGateway
{
    public Task<RefundOutcome> RefundAsync(RefundOrder refund, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refund);
        LogPaid(refund.RefundId, refund.Amount.ToString(), refund.OrderId);
        return Task.FromResult(RefundOutcome.Paid("dev-" + refund.RefundId));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Development refund gateway: refund {RefundId} of {Amount} on order {OrderId} marked paid")]
    private partial void LogPaid(string refundId, string amount, string orderId);
}

/// <summary>Outside Development, until the platform plugs its gateway in: refunds fail visibly and are retried.</summary>
internal sealed class UnconfiguredRefundGateway : IRefundGateway
{
    public Task<RefundOutcome> RefundAsync(RefundOrder refund, CancellationToken cancellationToken) =>
        Task.FromResult(RefundOutcome.Failed("No refund gateway is configured for this host."));
}

/// <summary>
/// Development only: charges every repair fee at once and logs it, so the demo's paid repairs go on. A platform
/// deploying the host implements <see cref="IPaymentGateway"/> against its payment system; without one, charges fail.
/// </summary>
internal sealed partial class DevelopmentPaymentGateway(ILogger<DevelopmentPaymentGateway> logger) : IPaymentGateway
{
    public Task<ChargeOutcome> ChargeAsync(ChargeOrder charge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(charge);
        LogCharged(charge.ChargeId, charge.Amount.ToString(), charge.BuyerId);
        return Task.FromResult(ChargeOutcome.Charged("dev-" + charge.ChargeId));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Development payment gateway: charge {ChargeId} of {Amount} to buyer {BuyerId} marked charged")]
    private partial void LogCharged(string chargeId, string amount, string buyerId);
}
