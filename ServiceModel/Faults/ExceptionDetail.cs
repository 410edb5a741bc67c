using System.Runtime.Serialization;

namespace Ikosa.ServiceModel;

/// <summary>
/// An unhandled exception as sent to clients when IncludeExceptionDetailInFaults is on; the same data contract
/// as WCF's, so WCF clients read it as <c>FaultException&lt;ExceptionDetail&gt;</c>.
/// </summary>
[DataContract(Namespace = "http://schemas.datacontract.org/2004/07/System.ServiceModel")]
public class ExceptionDetail
{
    public ExceptionDetail(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        HelpLink = exception.HelpLink;
        Message = exception.Message;
        StackTrace = exception.StackTrace;
        Type = exception.GetType().ToString();
        InnerException = exception.InnerException is null ? null : new ExceptionDetail(exception.InnerException);
    }

    [DataMember]
    public string? HelpLink { get; private set; }

    [DataMember]
    public ExceptionDetail? InnerException { get; private set; }

    [DataMember]
    public string? Message { get; private set; }

    [DataMember]
    public string? StackTrace { get; private set; }

    [DataMember]
    public string? Type { get; private set; }

    public override string ToString() =>
        InnerException is null
            ? $"{Type}: {Message}{Environment.NewLine}{StackTrace}"
            : $"{Type}: {Message} ----> {InnerException}{Environment.NewLine}{StackTrace}";
}
