namespace VpcCni.Engine.Kubernetes;

/// <summary>A watch's ERROR event with code 410: the resource version it started from is no longer kept, so the view lists again.</summary>
public sealed class KubernetesWatchExpiredException : Exception
{
    public KubernetesWatchExpiredException()
    {
    }

    public KubernetesWatchExpiredException(string message)
        : base(message)
    {
    }

    public KubernetesWatchExpiredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
