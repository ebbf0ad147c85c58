namespace VpcCni.Engine.Errors;

public static partial class ErrorIds
{
    /// <summary>Configuration: the node's environment, its env file and the ConfigMap.</summary>
    public static class Config
    {
        /// <summary>One or more values were rejected; the exception lists each variable, its origin and the accepted range.</summary>
        public const string InvalidConfiguration = "Config.InvalidConfiguration";
    }
}
