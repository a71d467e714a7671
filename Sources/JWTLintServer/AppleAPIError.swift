package import JWTLint

/// The errors the stand-in answers with, as the App Store Server API names and numbers them (its error codes
/// documentation; the same numbers as `APIError` in Apple's libraries).
enum AppleAPIError: Int {
    case invalidRequestRevision = 4000005
    case invalidTransactionID = 4000006
    case invalidOriginalTransactionID = 4000008
    case invalidExtendByDays = 4000009
    case invalidExtendReasonCode = 4000010
    case invalidRequestIdentifier = 4000011
    case startDateTooFarInPast = 4000012
    case startDateAfterEndDate = 4000013
    case invalidPaginationToken = 4000014
    case invalidStartDate = 4000015
    case invalidEndDate = 4000016
    case invalidTestNotificationToken = 4000020
    case invalidSort = 4000021
    case invalidStatus = 4000031
    case invalidCustomerConsented = 4000035
    case invalidAppAccountTokenUUID = 4000183
    case transactionIDIsNotOriginalTransactionID = 4000187
    case generalBadRequest = 4000000
    case originalTransactionIDNotFound = 4040005
    case testNotificationNotFound = 4040008
    case transactionIDNotFound = 4040010
    case generalInternal = 5000000

    /// Apple's message for the error.
    var message: String {
        switch self {
        case .invalidRequestRevision: return "Invalid request revision."
        case .invalidTransactionID: return "Invalid transaction id."
        case .invalidOriginalTransactionID: return "Invalid original transaction id."
        case .invalidExtendByDays: return "Invalid extend by days value."
        case .invalidExtendReasonCode: return "Invalid extend reason code."
        case .invalidRequestIdentifier: return "Invalid request identifier."
        case .startDateTooFarInPast: return "Invalid request. The start date is earlier than the allowed start date."
        case .startDateAfterEndDate: return "Invalid request. The end date precedes the start date or the dates are the same."
        case .invalidPaginationToken: return "Invalid request. The pagination token is invalid."
        case .invalidStartDate: return "Invalid request. The start date is not a timestamp value represented in milliseconds."
        case .invalidEndDate: return "Invalid request. The end date is not a timestamp value represented in milliseconds."
        case .invalidTestNotificationToken: return "Invalid request. The test notification token is invalid."
        case .invalidSort: return "Invalid request. The sort parameter is invalid."
        case .invalidStatus: return "Invalid request. The status parameter is invalid."
        case .invalidCustomerConsented: return "Invalid request. The customer consented field is invalid."
        case .invalidAppAccountTokenUUID: return "Invalid request. The app account token field must be a valid UUID."
        case .transactionIDIsNotOriginalTransactionID: return "Invalid request. The transaction ID provided is not an original transaction ID."
        case .generalBadRequest: return "Bad request."
        case .originalTransactionIDNotFound: return "Original transaction id not found."
        case .testNotificationNotFound: return "Either the test notification token is expired or the notification and status are not yet available."
        case .transactionIDNotFound: return "Transaction id not found."
        case .generalInternal: return "An unknown error occurred."
        }
    }

    /// The HTTP status: 400 for a bad request, 404 for something not found, 500 for an internal error.
    var status: Int { rawValue / 10000 == 404 ? 404 : rawValue / 10000 == 500 ? 500 : 400 }

    /// The answer Apple gives: the status and `{"errorCode": ..., "errorMessage": ...}`.
    var response: StandInResponse {
        .json(status, .object(JSONObject(members: [
            .init(name: "errorCode", value: .integer(Int64(rawValue))), .init(name: "errorMessage", value: .string(message)),
        ])))
    }
}
