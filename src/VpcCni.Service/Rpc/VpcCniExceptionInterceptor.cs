using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Errors;

namespace VpcCni.Service.Rpc;

/// <summary>
/// The one place where engine failures become gRPC statuses: every unary call that throws a
/// <see cref="VpcCniException"/> is answered with the status code of its category, the message
/// as the status detail, and the stable error id in the <see cref="ErrorIdTrailer"/> trailer.
/// </summary>
public sealed class VpcCniExceptionInterceptor(ILogger<VpcCniExceptionInterceptor> logger) : Interceptor
{
    /// <summary>Response trailer carrying <see cref="VpcCniException.ErrorId"/>, so clients match on ids, not on text.</summary>
    public const string ErrorIdTrailer = "vpc-cni-error-id";

    /// <summary>The gRPC status code of an engine error category.</summary>
    public static StatusCode ToStatusCode(VpcCniErrorCategory category) => category switch
    {
        VpcCniErrorCategory.InvalidArgument => StatusCode.InvalidArgument,
        VpcCniErrorCategory.InvalidConfiguration => StatusCode.FailedPrecondition,
        VpcCniErrorCategory.NotFound => StatusCode.NotFound,
        VpcCniErrorCategory.AlreadyExists => StatusCode.AlreadyExists,
        VpcCniErrorCategory.LimitExceeded => StatusCode.ResourceExhausted,
        VpcCniErrorCategory.ResourceUnavailable => StatusCode.Unavailable,
        VpcCniErrorCategory.PermissionDenied => StatusCode.PermissionDenied,
        VpcCniErrorCategory.Timeout => StatusCode.DeadlineExceeded,
        VpcCniErrorCategory.Conflict => StatusCode.FailedPrecondition,
        _ => StatusCode.Internal,
    };

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(continuation);
        try
        {
            return await continuation(request, context).ConfigureAwait(false);
        }
        catch (VpcCniException ex)
        {
            var code = ToStatusCode(ex.Category);
            ServiceLog.CallFailed(logger, ex, context.Method, ex.ErrorId, code);
            throw new RpcException(new Status(code, ex.Message, ex), new Metadata { { ErrorIdTrailer, ex.ErrorId } }, ex.Message);
        }
        catch (Exception ex) when (ex is not RpcException && !(ex is OperationCanceledException && context.CancellationToken.IsCancellationRequested))
        {
            // A defect: say so as Internal rather than gRPC's default Unknown, and keep the details in the log only.
            ServiceLog.CallCrashed(logger, ex, context.Method);
            throw new RpcException(new Status(StatusCode.Internal, "The node service failed unexpectedly; see its log.", ex));
        }
    }
}
