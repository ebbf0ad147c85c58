namespace VpcCni.Engine.Errors;

public static partial class ErrorIds
{
    /// <summary>Ids not owned by one area.</summary>
    public static class Engine
    {
        /// <summary>A defect or unexpected condition with no more specific id.</summary>
        public const string Internal = "Engine.Internal";
    }
}
