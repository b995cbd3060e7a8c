using MediatR;

namespace AfterSales.Disputes.Application;

/// <summary>One invalid field of a request.</summary>
/// <param name="Field">The field, in the request's JSON naming (camelCase).</param>
/// <param name="Message">What is wrong with it.</param>
public sealed record ValidationError(string Field, string Message);

/// <summary>A request that can check its own shape before it is handled.</summary>
public interface IValidatable
{
    /// <summary>Every problem with the request's shape; empty when it may be handled.</summary>
    IEnumerable<ValidationError> Validate();
}

/// <summary>Thrown by the validation behaviour when a request is malformed; nothing was changed.</summary>
public sealed class RequestValidationException : Exception
{
    /// <summary>Creates the exception for the request's errors.</summary>
    public RequestValidationException(string request, IReadOnlyList<ValidationError> errors)
        : base($"{request} is invalid: {string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}"))}")
    {
        Errors = errors;
    }

    /// <summary>The errors, per field.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }
}

/// <summary>Rejects malformed requests before any handler runs.</summary>
/// <typeparam name="TRequest">The request.</typeparam>
/// <typeparam name="TResponse">Its response.</typeparam>
internal sealed class ValidationBehavior<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
{
    /// <inheritdoc/>
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (request is IValidatable validatable && validatable.Validate().ToList() is { Count: > 0 } errors)
        {
            throw new RequestValidationException(typeof(TRequest).Name, errors);
        }

        return next();
    }
}
