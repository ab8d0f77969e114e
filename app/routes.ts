import { index, route, type RouteConfig } from '@react-router/dev/routes';

export default [
  index('routes/home.tsx'),
  route('login', 'routes/login.tsx'),
  route('logout', 'routes/logout.tsx'),
  route('reviews', 'routes/reviews.tsx'),
  route('portfolios/new', 'routes/portfolios/new.tsx'),
  route('portfolios/:slug', 'routes/portfolios/portfolio.tsx'),
  route('portfolios/:slug/edit', 'routes/portfolios/edit.tsx'),
  route('portfolios/:slug/people', 'routes/portfolios/people.tsx'),
  route('portfolios/:slug/charter', 'routes/portfolios/charter.tsx'),
  route('portfolios/:slug/projects/new', 'routes/projects/new.tsx'),
  route('projects', 'routes/projects/index.tsx'),
  route('projects/:projectId', 'routes/projects/project.tsx'),
  route('projects/:projectId/edit', 'routes/projects/edit.tsx'),
  route('projects/:projectId/phase', 'routes/projects/phase.tsx'),
  route('projects/:projectId/milestones/new', 'routes/projects/milestone-new.tsx'),
  route('projects/:projectId/milestones/:milestoneId', 'routes/projects/milestone-edit.tsx'),
  route('audit', 'routes/audit.tsx'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
