import type { ReactNode } from 'react';
import { ActivitiesScreen } from './ActivitiesScreen';
import { CertificateNewScreen } from './CertificateNewScreen';
import { CertificateScreen } from './CertificateScreen';
import type { CommunityRoute } from './routeTypes';
import { ServiceFormScreen } from './ServiceFormScreen';
import { ServiceScreen } from './ServiceScreen';
import { ServicesScreen } from './ServicesScreen';
import { VolunteerScreen } from './VolunteerScreen';
import { VolunteerServiceScreen } from './VolunteerServiceScreen';
import { VolunteersScreen } from './VolunteersScreen';

/** Keys carry the record id, so opening another record starts with fresh screen state. */
export function renderCommunityRoute(route: CommunityRoute): ReactNode {
  switch (route.name) {
    case 'services':
      return <ServicesScreen />;
    case 'serviceNew':
      return <ServiceFormScreen />;
    case 'service':
      return <ServiceScreen key={route.id} id={route.id} />;
    case 'volunteers':
      return <VolunteersScreen />;
    case 'volunteer':
      return <VolunteerScreen key={route.id} id={route.id} />;
    case 'volunteerService':
      return <VolunteerServiceScreen key={route.id} id={route.id} />;
    case 'activities':
      return <ActivitiesScreen />;
    case 'certificateNew':
      return <CertificateNewScreen key={route.volunteerId} volunteerId={route.volunteerId} />;
    case 'certificate':
      return <CertificateScreen key={route.id} id={route.id} />;
  }
}
