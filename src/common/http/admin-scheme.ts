/**
 * The OpenAPI security scheme admin routes name: the ADMIN_API_KEY sent as a bearer token. Its own
 * file, so the route decorators need not import the Swagger setup (which reads every module).
 */
export const ADMIN_SCHEME = 'admin-api-key';
