using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Orders;
using MediatR;

namespace AfterSales.Disputes.Application.Orders;

/// <summary>The platform registers an order snapshot; registering the same snapshot twice is idempotent.</summary>
/// <param name="Order">The snapshot.</param>
public sealed record RegisterOrder(Order Order) : IRequest<OrderRegistration>, IValidatable
{
    /// <inheritdoc/>
    public IEnumerable<ValidationError> Validate()
    {
        if (Order is null)
        {
            return [new ValidationError("order", "The order is required.")];
        }

        var errors = Order.Problems().Select(problem => new ValidationError("lines", problem)).ToList();
        foreach (var (field, value) in new[] { ("orderId", Order.OrderId), ("buyerId", Order.BuyerId), ("storeId", Order.StoreId), ("region", Order.Region) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(new ValidationError(field, $"The {field} is required."));
            }
        }

        return errors;
    }
}

/// <summary>The order with this id, or null.</summary>
/// <param name="OrderId">The order.</param>
public sealed record GetOrder(string OrderId) : IRequest<Order?>;

/// <summary>Registers and reads orders.</summary>
internal sealed class OrderHandler : IRequestHandler<RegisterOrder, OrderRegistration>, IRequestHandler<GetOrder, Order?>
{
    private readonly IOrderStore _orders;

    /// <summary>Creates the handler.</summary>
    public OrderHandler(IOrderStore orders) => _orders = orders;

    /// <inheritdoc/>
    public Task<OrderRegistration> Handle(RegisterOrder request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _orders.RegisterAsync(request.Order, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<Order?> Handle(GetOrder request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _orders.FindAsync(request.OrderId, cancellationToken);
    }
}
